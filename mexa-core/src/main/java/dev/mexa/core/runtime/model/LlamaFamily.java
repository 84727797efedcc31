package dev.mexa.core.runtime.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import dev.mexa.core.runtime.checkpoint.ConfigReader;
import dev.mexa.core.runtime.checkpoint.EmbeddingTable;
import dev.mexa.core.runtime.checkpoint.ModelConfig;
import dev.mexa.core.runtime.checkpoint.WeightReader;
import dev.mexa.core.runtime.rope.RopeConfig;
import dev.mexa.core.runtime.rope.RotaryEmbedding;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The Llama family (HF's modeling_llama, modeling_mistral, modeling_qwen2, modeling_qwen3): token embedding, then
 * per layer RMSNorm, rotary grouped-query attention and a SwiGLU MLP, each added to the residual stream, then a
 * final RMSNorm. The members differ only in biases, q/k norms and attention windows:
 * <ul>
 *   <li>{@code llama}: {@code attention_bias} on q, k, v and o, {@code mlp_bias} on the MLP;</li>
 *   <li>{@code mistral}: no biases, {@code sliding_window} on every layer;</li>
 *   <li>{@code qwen2}: biases on q, k and v; with {@code use_sliding_window} true, layers from
 *       {@code max_window_layers} on attend within {@code sliding_window} (as HF's layer types), otherwise every
 *       layer attends to all earlier tokens whatever {@code sliding_window} says;</li>
 *   <li>{@code qwen3}: {@code attention_bias} on q, k, v and o, an RMSNorm over each query and key head before
 *       the rotation ({@code q_norm}, {@code k_norm}), windows as qwen2.</li>
 * </ul>
 */
final class LlamaFamily extends DecoderFamily {

    private static final Map<String, Integer> DEFAULT_POSITIONS = Map.of("llama", 2048, "mistral", 131072,
            "qwen2", 32768, "qwen3", 32768);

    /**
     * What a Llama-family layer needs from {@code config.json}.
     *
     * @param config the common figures
     * @param shape hidden size, heads, key/value heads, head size
     * @param intermediate MLP width
     * @param normEps RMSNorm epsilon
     * @param rope the rotary embedding
     * @param qkvBias biases on the query, key and value projections
     * @param outputBias bias on the attention output projection
     * @param mlpBias biases on the MLP projections
     * @param headNorms RMSNorm over each query and key head before the rotation
     * @param windows each layer's attention window, 0 for none
     */
    record Settings(ModelConfig config, AttentionShape shape, int intermediate, double normEps,
            RotaryEmbedding rope, boolean qkvBias, boolean outputBias, boolean mlpBias, boolean headNorms,
            int[] windows) {
    }

    LlamaFamily() {
        super("Llama", true, "llama", "mistral", "qwen2", "qwen3");
    }

    @Override
    DecoderSpec configure(String modelType, ConfigReader config) {
        boolean qwen3 = modelType.equals("qwen3");
        // Qwen3Config's own default head size is 128
        AttentionShape shape = qwen3 ? AttentionShape.read(config, 128) : AttentionShape.read(config);
        Activation.read(config, "hidden_act", "silu", Activation.SILU);
        int layers = config.count("num_hidden_layers");
        int maxPositions = config.count("max_position_embeddings", DEFAULT_POSITIONS.get(modelType));
        ModelConfig common = new ModelConfig(config.file(), modelType, config.count("vocab_size"), shape.hidden(),
                layers, Integer.MAX_VALUE);
        boolean attentionBias = (modelType.equals("llama") || qwen3) && config.flag("attention_bias", false);
        Settings settings = new Settings(common, shape, config.count("intermediate_size"),
                config.positive("rms_norm_eps", 1e-6), RopeConfig.read(config, shape.headDim(), maxPositions),
                attentionBias || modelType.equals("qwen2"), attentionBias,
                modelType.equals("llama") && config.flag("mlp_bias", false), qwen3, windows(modelType, config, layers));
        return DecoderSpec.underModel(settings.config(), weights -> new Decoder(settings, weights));
    }

    private static int[] windows(String modelType, ConfigReader config, int layers) {
        int window = config.optionalCount("sliding_window").orElse(0);
        int[] windows = new int[layers];
        if (modelType.equals("mistral")) {
            Arrays.fill(windows, window);
        } else if (modelType.startsWith("qwen") && config.flag("use_sliding_window", false)) {
            if (window == 0) {
                throw config.invalid("sliding_window", "is absent although use_sliding_window is true");
            }
            int from = config.count("max_window_layers", 28);
            for (int layer = from; layer < layers; layer++) {
                windows[layer] = window;
            }
        }
        return windows;
    }

    /** A loaded Llama-family decoder. */
    private static final class Decoder extends LayeredDecoder {

        private record Layer(Norm inputNorm, AttentionProjections projections, Norm queryNorm, Norm keyNorm,
                Norm postNorm, Mlp mlp) {
        }

        private final Settings settings;
        private final DataType computeType;
        private final Attention attention;
        private final EmbeddingTable embedding;
        private final List<Layer> layers = new ArrayList<>();
        private final Norm norm;

        Decoder(Settings settings, WeightReader weights) {
            super(settings.config(), weights.manager());
            this.settings = settings;
            this.computeType = weights.computeType();
            this.attention = settings.shape().standardAttention();
            long hidden = settings.config().hidden();
            this.embedding = weights.readEmbedding("embed_tokens.weight", settings.config().vocabSize(), hidden);
            for (int i = 0; i < settings.config().layers(); i++) {
                layers.add(readLayer(weights, "layers." + i + "."));
            }
            this.norm = Norm.rms(weights.readFloat32("norm.weight", hidden), settings.normEps());
        }

        private Layer readLayer(WeightReader weights, String prefix) {
            long hidden = settings.config().hidden();
            long inner = settings.intermediate();
            String attn = prefix + "self_attn.";
            String mlp = prefix + "mlp.";
            return new Layer(
                    Norm.rms(weights.readFloat32(prefix + "input_layernorm.weight", hidden), settings.normEps()),
                    AttentionProjections.read(weights, attn, settings.shape(), settings.qkvBias(),
                            settings.outputBias()),
                    headNorm(weights, attn + "q_norm.weight"),
                    headNorm(weights, attn + "k_norm.weight"),
                    Norm.rms(weights.readFloat32(prefix + "post_attention_layernorm.weight", hidden),
                            settings.normEps()),
                    Mlp.gated(Linear.read(weights, mlp + "gate_proj", inner, hidden, settings.mlpBias()),
                            Linear.read(weights, mlp + "up_proj", inner, hidden, settings.mlpBias()),
                            Linear.read(weights, mlp + "down_proj", hidden, inner, settings.mlpBias()),
                            Activation.SILU));
        }

        private Norm headNorm(WeightReader weights, String name) {
            return settings.headNorms()
                    ? Norm.rms(weights.readFloat32(name, settings.shape().headDim()), settings.normEps())
                    : x -> x;
        }

        @Override
        NDArray embed(NDArray inputIds) {
            return embedding.rows(inputIds, inputIds.getManager());
        }

        @Override
        NDArray layer(int index, NDArray x, BatchContext context) {
            Layer layer = layers.get(index);
            BatchContext.RotaryTables rotary = context.rotary(settings.rope(), computeType);
            AttentionProjections projections = layer.projections();
            AttentionShape shape = settings.shape();
            NDArray normed = layer.inputNorm().apply(x);
            NDArray query = Attention.rotate(layer.queryNorm().apply(Attention.splitHeads(
                    projections.query().apply(normed), shape.heads())), rotary);
            NDArray key = Attention.rotate(layer.keyNorm().apply(Attention.splitHeads(projections.key().apply(normed),
                    shape.kvHeads())), rotary);
            NDArray value = Attention.splitHeads(projections.value().apply(normed), shape.kvHeads());
            NDArray attended = attention.attend(query, key, value, context.mask(settings.windows()[index]));
            NDArray residual = x.add(projections.output().apply(attended));
            return residual.add(layer.mlp().apply(layer.postNorm().apply(residual)));
        }

        @Override
        NDArray finalNorm(NDArray x) {
            return norm.apply(x);
        }
    }
}
