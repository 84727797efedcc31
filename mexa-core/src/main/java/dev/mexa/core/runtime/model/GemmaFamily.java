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
import java.util.List;
import java.util.Map;

/**
 * The Gemma family (HF's modeling_gemma, modeling_gemma2, modeling_gemma3 text model): the token embedding times
 * {@code sqrt(hidden_size)} (that factor rounded to the compute type), RMSNorms scaling by {@code 1 + weight} in
 * float32, rotary grouped-query attention with {@code head_dim} independent of the width, and a GeGLU MLP
 * ({@code hidden_activation}, the tanh-approximated GELU by default). The members differ in their layers:
 * <ul>
 *   <li>{@code gemma}: pre-norms only, as Llama: {@code x += attn(norm(x)); x += mlp(norm(x))}; scores scaled by
 *       {@code head_dim^-1/2}.</li>
 *   <li>{@code gemma2}: each sublayer's output normed again before the residual add
 *       ({@code x += post_attention_norm(attn(input_norm(x))); x += post_ff_norm(mlp(pre_ff_norm(x)))}); scores
 *       scaled by {@code query_pre_attn_scalar^-1/2} and soft-capped by {@code attn_logit_softcapping} before the
 *       mask; even layers attend within {@code sliding_window}, odd ones globally.</li>
 *   <li>{@code gemma3_text}: gemma2's layer plus per-head {@code q_norm} and {@code k_norm} before the rotation;
 *       layer {@code i} is global iff {@code (i + 1) % sliding_window_pattern == 0}, the others slide; sliding
 *       layers rotate with base {@code rope_local_base_freq} unscaled, global ones with {@code rope_theta} and
 *       {@code rope_scaling}.</li>
 * </ul>
 * An explicit {@code layer_types} list (newer configs) overrides the alternation. The output head and
 * {@code final_logit_softcapping} act on logits only and are not read.
 */
final class GemmaFamily extends DecoderFamily {

    private static final Map<String, Integer> DEFAULT_POSITIONS = Map.of("gemma", 8192, "gemma2", 8192,
            "gemma3_text", 131072);

    /**
     * What a Gemma-family layer needs from {@code config.json}.
     *
     * @param config the common figures
     * @param shape hidden size, heads, key/value heads, head size
     * @param intermediate MLP width
     * @param normEps RMSNorm epsilon
     * @param activation the GeGLU gate's activation
     * @param attention scaling and soft-capping of the scores
     * @param bias {@code attention_bias}: biases on the q, k, v and o projections
     * @param sandwich whether each sublayer's output is normed before the residual add (gemma2, gemma3_text)
     * @param queryKeyNorms whether attention norms each query and key head (gemma3_text)
     * @param windows each layer's attention window, 0 for global
     * @param ropes each layer's rotary embedding
     */
    record Settings(ModelConfig config, AttentionShape shape, int intermediate, double normEps,
            Activation activation, Attention attention, boolean bias, boolean sandwich, boolean queryKeyNorms,
            int[] windows, RotaryEmbedding[] ropes) {
    }

    /** Not float16-safe: real Gemma checkpoints overflow float16 (see docs/runtime.md); trained in bfloat16. */
    GemmaFamily() {
        super("Gemma", false, "gemma", "gemma2", "gemma3_text");
    }

    @Override
    DecoderSpec configure(String modelType, ConfigReader config) {
        boolean gemma1 = modelType.equals("gemma");
        boolean gemma3 = modelType.equals("gemma3_text");
        AttentionShape shape = AttentionShape.read(config, 256);
        int headDim = shape.headDim();
        int layers = config.count("num_hidden_layers");
        if (gemma3 && config.flag("use_bidirectional_attention", false)) {
            throw config.invalid("use_bidirectional_attention", "is true (an embedding model, not a causal"
                    + " decoder); this runtime implements causal gemma3_text only");
        }
        int maxPositions = config.count("max_position_embeddings", DEFAULT_POSITIONS.get(modelType));
        RotaryEmbedding global = RopeConfig.read(config, headDim, maxPositions);
        RotaryEmbedding local = gemma3 ? new RotaryEmbedding.Plain(config.positive("rope_local_base_freq", 10000),
                global.dim()) : global;
        boolean[] sliding = sliding(modelType, config, layers);
        // as HF: absent means the class default, an explicit null no window at all
        int window = gemma1 || config.isNull("sliding_window") ? 0 : config.count("sliding_window", 4096);
        int[] windows = new int[layers];
        RotaryEmbedding[] ropes = new RotaryEmbedding[layers];
        for (int layer = 0; layer < layers; layer++) {
            windows[layer] = sliding[layer] ? window : 0;
            ropes[layer] = sliding[layer] ? local : global;
        }
        double scaling = 1 / Math.sqrt(gemma1 ? headDim : config.positive("query_pre_attn_scalar", 256));
        ModelConfig common = new ModelConfig(config.file(), modelType, config.count("vocab_size"), shape.hidden(),
                layers, Integer.MAX_VALUE);
        Settings settings = new Settings(common, shape, config.count("intermediate_size"),
                config.positive("rms_norm_eps", 1e-6), activation(modelType, config),
                new Attention(shape.heads(), shape.kvHeads(), headDim, scaling, softCap(modelType, config)),
                config.flag("attention_bias", false), !gemma1, gemma3, windows, ropes);
        return DecoderSpec.underModel(settings.config(), weights -> new Decoder(settings, weights));
    }

    /**
     * The MLP activation. gemma2 and gemma3_text read {@code hidden_activation}. gemma prefers it too: Gemma's own
     * configs name the tanh-approximated GELU there (transformers 4.39-4.47 read it), and fall back to
     * {@code hidden_act} (which transformers 4.48 on read), so an old config saying only {@code "gelu"} gets the
     * exact GELU as today's transformers gives it.
     */
    private static Activation activation(String modelType, ConfigReader config) {
        String key = modelType.equals("gemma") && !config.has("hidden_activation") ? "hidden_act"
                : "hidden_activation";
        return Activation.read(config, key, "gelu_pytorch_tanh", Activation.GELU_TANH, Activation.GELU);
    }

    /** {@code attn_logit_softcapping}: gemma2's default is 50 and an explicit null turns it off; gemma3_text none. */
    private static double softCap(String modelType, ConfigReader config) {
        return switch (modelType) {
            case "gemma2" -> config.isNull("attn_logit_softcapping") ? 0
                    : config.positive("attn_logit_softcapping", 50.0);
            case "gemma3_text" -> config.positive("attn_logit_softcapping", 0.0);
            default -> 0;
        };
    }

    private static boolean[] sliding(String modelType, ConfigReader config, int layers) {
        boolean[] sliding = new boolean[layers];
        if (modelType.equals("gemma")) {
            return sliding;
        }
        if (config.has("layer_types")) {
            List<String> types = config.stringList("layer_types", layers);
            for (int layer = 0; layer < layers; layer++) {
                sliding[layer] = switch (types.get(layer)) {
                    case "sliding_attention" -> true;
                    case "full_attention" -> false;
                    default -> throw config.invalid("layer_types", "holds '" + types.get(layer) + "'; expected"
                            + " sliding_attention or full_attention");
                };
            }
            return sliding;
        }
        int pattern = modelType.equals("gemma2") ? 2 : config.count("sliding_window_pattern", 6);
        for (int layer = 0; layer < layers; layer++) {
            sliding[layer] = (layer + 1) % pattern != 0;
        }
        return sliding;
    }

    /** A loaded Gemma-family decoder. */
    private static final class Decoder extends LayeredDecoder {

        /**
         * One layer's weights; {@code postAttentionNorm} is gemma's pre-MLP norm (HF's name for it) and gemma2's
         * norm of the attention output; the feed-forward norms and the q/k norms are {@code null} where the member
         * has none.
         */
        private record Layer(Norm inputNorm, AttentionProjections projections, Norm queryNorm, Norm keyNorm,
                Norm postAttentionNorm, Norm preFeedforwardNorm, Norm postFeedforwardNorm, Mlp mlp) {
        }

        private final Settings settings;
        private final DataType computeType;
        private final EmbeddingTable embedding;
        private final NDArray normalizer;
        private final List<Layer> layers = new ArrayList<>();
        private final Norm norm;

        Decoder(Settings settings, WeightReader weights) {
            super(settings.config(), weights.manager());
            this.settings = settings;
            this.computeType = weights.computeType();
            long hidden = settings.config().hidden();
            this.embedding = weights.readEmbedding("embed_tokens.weight", settings.config().vocabSize(), hidden);
            // HF multiplies by sqrt(hidden_size) as a tensor of the compute type, so the factor is rounded to it
            this.normalizer = weights.manager().create((float) Math.sqrt(hidden)).toType(computeType, false);
            for (int i = 0; i < settings.config().layers(); i++) {
                layers.add(readLayer(weights, "layers." + i + "."));
            }
            this.norm = norm(weights, "norm", hidden);
        }

        private Norm norm(WeightReader weights, String name, long width) {
            return Norm.rmsOnePlusWeight(weights.readFloat32(name + ".weight", width), settings.normEps());
        }

        private Layer readLayer(WeightReader weights, String prefix) {
            long hidden = settings.config().hidden();
            int headDim = settings.shape().headDim();
            long inner = settings.intermediate();
            String attn = prefix + "self_attn.";
            String mlp = prefix + "mlp.";
            boolean qk = settings.queryKeyNorms();
            boolean sandwich = settings.sandwich();
            return new Layer(norm(weights, prefix + "input_layernorm", hidden),
                    AttentionProjections.read(weights, attn, settings.shape(), settings.bias(), settings.bias()),
                    qk ? norm(weights, attn + "q_norm", headDim) : null,
                    qk ? norm(weights, attn + "k_norm", headDim) : null,
                    norm(weights, prefix + "post_attention_layernorm", hidden),
                    sandwich ? norm(weights, prefix + "pre_feedforward_layernorm", hidden) : null,
                    sandwich ? norm(weights, prefix + "post_feedforward_layernorm", hidden) : null,
                    Mlp.gated(Linear.read(weights, mlp + "gate_proj", inner, hidden, false),
                            Linear.read(weights, mlp + "up_proj", inner, hidden, false),
                            Linear.read(weights, mlp + "down_proj", hidden, inner, false), settings.activation()));
        }

        @Override
        NDArray embed(NDArray inputIds) {
            return embedding.rows(inputIds, inputIds.getManager()).mul(normalizer);
        }

        @Override
        NDArray layer(int index, NDArray x, BatchContext context) {
            Layer layer = layers.get(index);
            BatchContext.RotaryTables rotary = context.rotary(settings.ropes()[index], computeType);
            AttentionProjections projections = layer.projections();
            AttentionShape shape = settings.shape();
            NDArray normed = layer.inputNorm().apply(x);
            NDArray query = Attention.splitHeads(projections.query().apply(normed), shape.heads());
            NDArray key = Attention.splitHeads(projections.key().apply(normed), shape.kvHeads());
            if (settings.queryKeyNorms()) {
                query = layer.queryNorm().apply(query);
                key = layer.keyNorm().apply(key);
            }
            NDArray value = Attention.splitHeads(projections.value().apply(normed), shape.kvHeads());
            NDArray attended = projections.output().apply(settings.attention().attend(Attention.rotate(query, rotary),
                    Attention.rotate(key, rotary), value, context.mask(settings.windows()[index])));
            if (!settings.sandwich()) {
                NDArray residual = x.add(attended);
                return residual.add(layer.mlp().apply(layer.postAttentionNorm().apply(residual)));
            }
            NDArray residual = x.add(layer.postAttentionNorm().apply(attended));
            NDArray fed = layer.mlp().apply(layer.preFeedforwardNorm().apply(residual));
            return residual.add(layer.postFeedforwardNorm().apply(fed));
        }

        @Override
        NDArray finalNorm(NDArray x) {
            return norm.apply(x);
        }
    }
}
