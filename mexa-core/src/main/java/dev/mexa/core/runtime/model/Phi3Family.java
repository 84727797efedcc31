package dev.mexa.core.runtime.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import dev.mexa.core.runtime.checkpoint.ConfigReader;
import dev.mexa.core.runtime.checkpoint.EmbeddingTable;
import dev.mexa.core.runtime.checkpoint.ModelConfig;
import dev.mexa.core.runtime.checkpoint.WeightReader;
import java.util.ArrayList;
import java.util.List;

/**
 * Phi-3, Phi-3.5-mini, Phi-4-mini and Phi-4 (HF's modeling_phi3): the Llama layout with the query, key and value
 * projections fused into {@code qkv_proj} (rows: q, then k, then v) and the MLP's gate and up projections into
 * {@code gate_up_proj} (rows: gate, then up), rotary positions on the first {@code partial_rotary_factor} of each
 * head, optionally scaled by {@code longrope} (short or long factors by the sentence's own length against the
 * top-level {@code original_max_position_embeddings}; the only scaling HF's Phi3Config accepts), and
 * {@code sliding_window} on every layer when set.
 */
final class Phi3Family extends DecoderFamily {

    /**
     * What a Phi-3 layer needs from {@code config.json}.
     *
     * @param common the attention geometry, MLP width and rotary embedding
     * @param normEps RMSNorm epsilon
     * @param window the attention window of every layer, 0 for none
     */
    record Settings(RotaryDecoderSettings common, double normEps, int window) {
    }

    Phi3Family() {
        super("Phi-3", true, "phi3");
    }

    @Override
    DecoderSpec configure(String modelType, ConfigReader config) {
        config.object("rope_scaling").ifPresent(scaling -> scaling.requireIfPresent(
                scaling.has("rope_type") ? "rope_type" : "type", "longrope"));
        Settings settings = new Settings(RotaryDecoderSettings.read(modelType, config, 4096),
                config.positive("rms_norm_eps", 1e-5), config.optionalCount("sliding_window").orElse(0));
        return DecoderSpec.underModel(settings.common().config(), weights -> new Decoder(settings, weights));
    }

    /** A loaded Phi-3 decoder. */
    private static final class Decoder extends LayeredDecoder {

        private record Layer(Norm inputNorm, Linear qkv, Linear output, Norm postNorm, Linear gateUp, Linear down) {
        }

        private final Settings settings;
        private final DataType computeType;
        private final Attention attention;
        private final long[] qkvSplit;
        private final EmbeddingTable embedding;
        private final List<Layer> layers = new ArrayList<>();
        private final Norm norm;

        Decoder(Settings settings, WeightReader weights) {
            super(settings.common().config(), weights.manager());
            this.settings = settings;
            this.computeType = weights.computeType();
            RotaryDecoderSettings common = settings.common();
            AttentionShape shape = common.shape();
            this.attention = shape.standardAttention();
            this.qkvSplit = new long[] {shape.queryWidth(), shape.queryWidth() + shape.keyWidth()};
            this.embedding = common.readEmbedding(weights);
            long hidden = common.config().hidden();
            long inner = common.intermediate();
            for (int i = 0; i < common.config().layers(); i++) {
                String prefix = "layers." + i + ".";
                layers.add(new Layer(rms(weights, prefix + "input_layernorm.weight"),
                        Linear.read(weights, prefix + "self_attn.qkv_proj",
                                shape.queryWidth() + 2 * shape.keyWidth(), hidden, false),
                        Linear.read(weights, prefix + "self_attn.o_proj", hidden, shape.queryWidth(), false),
                        rms(weights, prefix + "post_attention_layernorm.weight"),
                        Linear.read(weights, prefix + "mlp.gate_up_proj", 2 * inner, hidden, false),
                        Linear.read(weights, prefix + "mlp.down_proj", hidden, inner, false)));
            }
            this.norm = rms(weights, "norm.weight");
        }

        private Norm rms(WeightReader weights, String name) {
            return Norm.rms(weights.readFloat32(name, settings.common().config().hidden()), settings.normEps());
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
            NDList qkv = layer.qkv().apply(layer.inputNorm().apply(x)).split(qkvSplit, 2);
            NDArray query = Attention.rotate(Attention.splitHeads(qkv.get(0), shape.heads()), rotary);
            NDArray key = Attention.rotate(Attention.splitHeads(qkv.get(1), shape.kvHeads()), rotary);
            NDArray value = Attention.splitHeads(qkv.get(2), shape.kvHeads());
            NDArray attended = attention.attend(query, key, value, context.mask(settings.window()));
            NDArray residual = x.add(layer.output().apply(attended));
            NDList gateUp = layer.gateUp().apply(layer.postNorm().apply(residual)).split(2, 2);
            NDArray activated = Activation.SILU.apply(gateUp.get(0)).mul(gateUp.get(1));
            return residual.add(layer.down().apply(activated));
        }

        @Override
        NDArray finalNorm(NDArray x) {
            return norm.apply(x);
        }
    }
}
