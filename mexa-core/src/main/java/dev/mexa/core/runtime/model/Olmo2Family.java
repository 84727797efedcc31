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
 * OLMo 2 (HF's modeling_olmo2): no norm before the sublayers; RMSNorm ({@code q_norm}, {@code k_norm}) over the
 * whole query and key projections before they are split into heads and rotated; the attention and MLP outputs
 * each pass their own RMSNorm ({@code post_attention_layernorm}, {@code post_feedforward_layernorm}) before the
 * residual add; a final RMSNorm. Refuses float16: AllenAI report OLMo 2 checkpoints giving NaN and garbage in
 * float16, in vLLM and transformers alike (allenai/olmo-cookbook#60), and publish bfloat16 instead.
 */
final class Olmo2Family extends DecoderFamily {

    /**
     * What an OLMo 2 layer needs from {@code config.json}.
     *
     * @param common the attention geometry, MLP width and rotary embedding
     * @param normEps RMSNorm epsilon
     * @param bias {@code attention_bias}: biases on q, k, v and o
     */
    record Settings(RotaryDecoderSettings common, double normEps, boolean bias) {
    }

    Olmo2Family() {
        super("OLMo 2", false, "olmo2");
    }

    @Override
    DecoderSpec configure(String modelType, ConfigReader config) {
        Settings settings = new Settings(RotaryDecoderSettings.read(modelType, config, 2048),
                config.positive("rms_norm_eps", 1e-5), config.flag("attention_bias", false));
        return DecoderSpec.underModel(settings.common().config(), weights -> new Decoder(settings, weights));
    }

    /** A loaded OLMo 2 decoder. */
    private static final class Decoder extends LayeredDecoder {

        private record Layer(AttentionProjections projections, Norm queryNorm, Norm keyNorm, Norm postAttentionNorm,
                Mlp mlp, Norm postFeedforwardNorm) {
        }

        private final Settings settings;
        private final DataType computeType;
        private final Attention attention;
        private final EmbeddingTable embedding;
        private final List<Layer> layers = new ArrayList<>();
        private final Norm norm;

        Decoder(Settings settings, WeightReader weights) {
            super(settings.common().config(), weights.manager());
            this.settings = settings;
            this.computeType = weights.computeType();
            this.attention = settings.common().shape().standardAttention();
            this.embedding = settings.common().readEmbedding(weights);
            for (int i = 0; i < settings.common().config().layers(); i++) {
                layers.add(readLayer(weights, "layers." + i + "."));
            }
            this.norm = rms(weights, "norm.weight", settings.common().config().hidden());
        }

        private Layer readLayer(WeightReader weights, String prefix) {
            RotaryDecoderSettings common = settings.common();
            long hidden = common.config().hidden();
            String attn = prefix + "self_attn.";
            return new Layer(
                    AttentionProjections.read(weights, attn, common.shape(), settings.bias(), settings.bias()),
                    rms(weights, attn + "q_norm.weight", common.shape().queryWidth()),
                    rms(weights, attn + "k_norm.weight", common.shape().keyWidth()),
                    rms(weights, prefix + "post_attention_layernorm.weight", hidden),
                    common.readSwiGlu(weights, prefix + "mlp."),
                    rms(weights, prefix + "post_feedforward_layernorm.weight", hidden));
        }

        private Norm rms(WeightReader weights, String name, long width) {
            return Norm.rms(weights.readFloat32(name, width), settings.normEps());
        }

        @Override
        NDArray embed(NDArray inputIds) {
            return embedding.rows(inputIds, inputIds.getManager());
        }

        @Override
        NDArray layer(int index, NDArray x, BatchContext context) {
            Layer layer = layers.get(index);
            AttentionShape shape = settings.common().shape();
            BatchContext.RotaryTables rotary = context.rotary(settings.common().rope(), computeType);
            AttentionProjections projections = layer.projections();
            NDArray query = Attention.rotate(Attention.splitHeads(layer.queryNorm().apply(
                    projections.query().apply(x)), shape.heads()), rotary);
            NDArray key = Attention.rotate(Attention.splitHeads(layer.keyNorm().apply(projections.key().apply(x)),
                    shape.kvHeads()), rotary);
            NDArray value = Attention.splitHeads(projections.value().apply(x), shape.kvHeads());
            NDArray attended = projections.output().apply(attention.attend(query, key, value, context.mask(0)));
            NDArray residual = x.add(layer.postAttentionNorm().apply(attended));
            return residual.add(layer.postFeedforwardNorm().apply(layer.mlp().apply(residual)));
        }

        @Override
        NDArray finalNorm(NDArray x) {
            return norm.apply(x);
        }
    }
}
