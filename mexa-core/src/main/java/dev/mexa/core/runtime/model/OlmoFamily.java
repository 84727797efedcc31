package dev.mexa.core.runtime.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import dev.mexa.core.runtime.checkpoint.ConfigReader;
import dev.mexa.core.runtime.checkpoint.EmbeddingTable;
import dev.mexa.core.runtime.checkpoint.ModelConfig;
import dev.mexa.core.runtime.checkpoint.WeightReader;
import java.util.ArrayList;
import java.util.List;

/**
 * OLMo (HF's modeling_olmo): the Llama layout with a LayerNorm that has no weight or bias (epsilon 1e-5, fixed in
 * the code) before attention, before the MLP and at the end, and the query, key and value projections clamped to
 * {@code [-clip_qkv, clip_qkv]} before the rotation, which runs in float32 as in the original OLMo code.
 */
final class OlmoFamily extends DecoderFamily {

    private static final double NORM_EPS = 1e-5;

    /**
     * What an OLMo layer needs from {@code config.json}.
     *
     * @param common the attention geometry, MLP width and rotary embedding
     * @param bias {@code attention_bias}: biases on q, k, v and o
     * @param clipQkv the clamp bound, 0 for none
     */
    record Settings(RotaryDecoderSettings common, boolean bias, double clipQkv) {
    }

    OlmoFamily() {
        super("OLMo", true, "olmo");
    }

    @Override
    DecoderSpec configure(String modelType, ConfigReader config) {
        Settings settings = new Settings(RotaryDecoderSettings.read(modelType, config, 2048),
                config.flag("attention_bias", false), config.optionalPositive("clip_qkv").orElse(0.0));
        return DecoderSpec.underModel(settings.common().config(), weights -> new Decoder(settings, weights));
    }

    /** A loaded OLMo decoder. */
    private static final class Decoder extends LayeredDecoder {

        private record Layer(AttentionProjections projections, Mlp mlp) {
        }

        private final Settings settings;
        private final Attention attention;
        private final Norm norm = Norm.layer(null, null, NORM_EPS);
        private final EmbeddingTable embedding;
        private final List<Layer> layers = new ArrayList<>();

        Decoder(Settings settings, WeightReader weights) {
            super(settings.common().config(), weights.manager());
            this.settings = settings;
            RotaryDecoderSettings common = settings.common();
            this.attention = common.shape().standardAttention();
            this.embedding = common.readEmbedding(weights);
            for (int i = 0; i < common.config().layers(); i++) {
                String prefix = "layers." + i + ".";
                layers.add(new Layer(AttentionProjections.read(weights, prefix + "self_attn.", common.shape(),
                        settings.bias(), settings.bias()), common.readSwiGlu(weights, prefix + "mlp.")));
            }
        }

        @Override
        NDArray embed(NDArray inputIds) {
            return embedding.rows(inputIds, inputIds.getManager());
        }

        @Override
        NDArray layer(int index, NDArray x, BatchContext context) {
            AttentionProjections projections = layers.get(index).projections();
            AttentionShape shape = settings.common().shape();
            NDArray normed = norm.apply(x);
            NDArray query = rotated(clipped(projections.query().apply(normed)), shape.heads(), context);
            NDArray key = rotated(clipped(projections.key().apply(normed)), shape.kvHeads(), context);
            NDArray value = Attention.splitHeads(clipped(projections.value().apply(normed)), shape.kvHeads());
            NDArray attended = attention.attend(query, key, value, context.mask(0));
            NDArray residual = x.add(projections.output().apply(attended));
            return residual.add(layers.get(index).mlp().apply(norm.apply(residual)));
        }

        private NDArray clipped(NDArray projection) {
            return settings.clipQkv() > 0 ? projection.clip(-settings.clipQkv(), settings.clipQkv()) : projection;
        }

        /** Splits the heads and rotates them in float32, back in the compute type afterwards. */
        private NDArray rotated(NDArray projection, int heads, BatchContext context) {
            NDArray wide = Attention.splitHeads(projection, heads).toType(DataType.FLOAT32, false);
            return Attention.rotate(wide, context.rotary(settings.common().rope(), DataType.FLOAT32))
                    .toType(projection.getDataType(), false);
        }

        @Override
        NDArray finalNorm(NDArray x) {
            return norm.apply(x);
        }
    }
}
