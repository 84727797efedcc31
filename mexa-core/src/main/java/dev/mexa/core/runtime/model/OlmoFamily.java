package dev.mexa.core.runtime.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import dev.mexa.core.runtime.checkpoint.ConfigReader;
import dev.mexa.core.runtime.checkpoint.ModelConfig;
import dev.mexa.core.runtime.checkpoint.ResidentWeight;
import dev.mexa.core.runtime.checkpoint.WeightReader;
import java.util.ArrayList;
import java.util.List;

/**
 * OLMo (HF's modeling_olmo): the Llama layout with a LayerNorm that has no weight or bias (epsilon 1e-5, fixed in
 * the code) before attention, before the MLP and at the end, and the query, key and value projections clamped to
 * {@code [-clip_qkv, clip_qkv]} before the rotation, which runs in float32 as in the original OLMo code.
 */
final class OlmoFamily implements DecoderFamily {

    private static final double NORM_EPS = 1e-5;
    private static final List<String> PREFIXES = List.of("model.", "");

    /**
     * What an OLMo layer needs from {@code config.json}.
     *
     * @param common the attention geometry, MLP width and rotary embedding
     * @param bias {@code attention_bias}: biases on q, k, v and o
     * @param clipQkv the clamp bound, 0 for none
     */
    record Settings(RotaryDecoderSettings common, boolean bias, double clipQkv) implements DecoderSpec {

        @Override
        public ModelConfig config() {
            return common.config();
        }

        @Override
        public DecoderModel load(WeightReader weights) {
            return new Decoder(this, weights.withPrefix(PREFIXES, "embed_tokens.weight"));
        }
    }

    @Override
    public String name() {
        return "OLMo";
    }

    @Override
    public List<String> modelTypes() {
        return List.of("olmo");
    }

    @Override
    public boolean float16Safe() {
        return true;
    }

    @Override
    public DecoderSpec configure(String modelType, ConfigReader config) {
        return new Settings(RotaryDecoderSettings.read(modelType, config, 2048), config.flag("attention_bias", false),
                config.optionalPositive("clip_qkv").orElse(0.0));
    }

    /** A loaded OLMo decoder. */
    private static final class Decoder extends LayeredDecoder {

        private record Layer(Linear query, Linear key, Linear value, Linear output, Mlp mlp) {
        }

        private final Settings settings;
        private final Attention attention;
        private final Norm norm = Norm.layer(null, null, NORM_EPS);
        private final ResidentWeight embedding;
        private final List<Layer> layers = new ArrayList<>();

        Decoder(Settings settings, WeightReader weights) {
            super(settings.config(), weights.manager());
            this.settings = settings;
            RotaryDecoderSettings common = settings.common();
            this.attention = common.attention();
            this.embedding = common.readEmbedding(weights);
            long hidden = common.config().hidden();
            for (int i = 0; i < common.config().layers(); i++) {
                String attn = "layers." + i + ".self_attn.";
                layers.add(new Layer(
                        Linear.read(weights, attn + "q_proj", common.queryWidth(), hidden, settings.bias()),
                        Linear.read(weights, attn + "k_proj", common.keyWidth(), hidden, settings.bias()),
                        Linear.read(weights, attn + "v_proj", common.keyWidth(), hidden, settings.bias()),
                        Linear.read(weights, attn + "o_proj", hidden, common.queryWidth(), settings.bias()),
                        common.readSwiGlu(weights, "layers." + i + ".mlp.")));
            }
        }

        @Override
        NDArray embed(NDArray inputIds) {
            return embedding.rows(inputIds, inputIds.getManager());
        }

        @Override
        NDArray layer(int index, NDArray x, BatchContext context) {
            Layer layer = layers.get(index);
            AttentionShape shape = settings.common().shape();
            NDArray normed = norm.apply(x);
            NDArray query = rotated(clipped(layer.query().apply(normed)), shape.heads(), context);
            NDArray key = rotated(clipped(layer.key().apply(normed)), shape.kvHeads(), context);
            NDArray value = Attention.splitHeads(clipped(layer.value().apply(normed)), shape.kvHeads());
            NDArray attended = attention.attend(query, key, value, context.mask(0));
            NDArray residual = x.add(layer.output().apply(attended));
            return residual.add(layer.mlp().apply(norm.apply(residual)));
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
