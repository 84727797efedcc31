package dev.mexa.core.runtime.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import dev.mexa.core.runtime.checkpoint.ConfigReader;
import dev.mexa.core.runtime.checkpoint.EmbeddingTable;
import dev.mexa.core.runtime.checkpoint.ModelConfig;
import dev.mexa.core.runtime.checkpoint.WeightReader;
import java.util.ArrayList;
import java.util.List;

/**
 * GPT-2 (HF's modeling_gpt2): token plus learned position embeddings (so at most {@code n_positions} tokens), then
 * per layer LayerNorm, fused-projection attention and a gelu_new MLP, each added to the residual stream, then a
 * final LayerNorm. Conv1D weights are stored {@code [in, out]}.
 */
final class Gpt2Family extends DecoderFamily {

    private static final List<String> PREFIXES = List.of("transformer.", "");

    /**
     * What a GPT-2 layer needs from {@code config.json}.
     *
     * @param config the common figures; its token limit is {@code n_positions}
     * @param heads attention heads
     * @param intermediate MLP width ({@code n_inner}, 4 hidden by default)
     * @param normEps LayerNorm epsilon
     * @param activation the MLP activation
     */
    record Settings(ModelConfig config, int heads, int intermediate, double normEps, Activation activation) {
    }

    Gpt2Family() {
        super("GPT-2", true, "gpt2");
    }

    @Override
    DecoderSpec configure(String modelType, ConfigReader config) {
        int hidden = config.count("n_embd");
        int heads = config.count("n_head");
        if (hidden % heads != 0) {
            throw config.invalid("n_embd", "is " + hidden + ", not a multiple of n_head " + heads);
        }
        Activation activation = Activation.read(config, "activation_function", "gelu_new", Activation.GELU_TANH,
                Activation.GELU);
        if (!config.flag("scale_attn_weights", true)) {
            throw config.invalid("scale_attn_weights", "is false; this runtime implements true");
        }
        if (config.flag("scale_attn_by_inverse_layer_idx", false)) {
            throw config.invalid("scale_attn_by_inverse_layer_idx", "is true; this runtime implements false");
        }
        ModelConfig common = new ModelConfig(config.file(), modelType, config.count("vocab_size"), hidden,
                config.count("n_layer"), config.count("n_positions", 1024));
        Settings settings = new Settings(common, heads, config.count("n_inner", 4 * hidden),
                config.positive("layer_norm_epsilon", 1e-5), activation);
        return new DecoderSpec(settings.config(),
                weights -> new Decoder(settings, weights.withPrefix(PREFIXES, "wte.weight")));
    }

    /** A loaded GPT-2 decoder. */
    private static final class Decoder extends LayeredDecoder {

        private record Layer(Norm norm1, Linear attention, Linear projection, Norm norm2, Mlp mlp) {
        }

        private final Settings settings;
        private final Attention attention;
        private final EmbeddingTable tokens;
        private final NDArray positions;
        private final List<Layer> layers = new ArrayList<>();
        private final Norm finalNorm;

        Decoder(Settings settings, WeightReader weights) {
            super(settings.config(), weights.manager());
            this.settings = settings;
            long hidden = settings.config().hidden();
            this.attention = Attention.standard(settings.heads(), settings.heads(), (int) hidden / settings.heads());
            this.tokens = weights.readEmbedding("wte.weight", settings.config().vocabSize(), hidden);
            this.positions = weights.read("wpe.weight", settings.config().tokenLimit(), hidden);
            for (int i = 0; i < settings.config().layers(); i++) {
                String layer = "h." + i + ".";
                layers.add(new Layer(layerNorm(weights, layer + "ln_1"),
                        Linear.readConv1d(weights, layer + "attn.c_attn", hidden, 3 * hidden),
                        Linear.readConv1d(weights, layer + "attn.c_proj", hidden, hidden),
                        layerNorm(weights, layer + "ln_2"),
                        Mlp.plain(Linear.readConv1d(weights, layer + "mlp.c_fc", hidden, settings.intermediate()),
                                Linear.readConv1d(weights, layer + "mlp.c_proj", settings.intermediate(), hidden),
                                settings.activation())));
            }
            this.finalNorm = layerNorm(weights, "ln_f");
        }

        private Norm layerNorm(WeightReader weights, String name) {
            long hidden = settings.config().hidden();
            return Norm.layer(weights.readFloat32(name + ".weight", hidden),
                    weights.readFloat32(name + ".bias", hidden), settings.normEps());
        }

        @Override
        NDArray embed(NDArray inputIds) {
            NDManager batch = inputIds.getManager();
            long length = inputIds.getShape().get(1);
            return tokens.rows(inputIds, batch)
                    .add(positions.get(batch, new NDIndex(":{}", length)));
        }

        @Override
        NDArray layer(int index, NDArray x, BatchContext context) {
            Layer layer = layers.get(index);
            NDList fused = layer.attention().apply(layer.norm1().apply(x)).split(3, 2);
            int heads = settings.heads();
            NDArray attended = attention.attend(Attention.splitHeads(fused.get(0), heads),
                    Attention.splitHeads(fused.get(1), heads), Attention.splitHeads(fused.get(2), heads),
                    context.mask(0));
            NDArray residual = x.add(layer.projection().apply(attended));
            return residual.add(layer.mlp().apply(layer.norm2().apply(residual)));
        }

        @Override
        NDArray finalNorm(NDArray x) {
            return finalNorm.apply(x);
        }
    }
}
