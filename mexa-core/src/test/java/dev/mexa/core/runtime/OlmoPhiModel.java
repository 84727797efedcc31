package dev.mexa.core.runtime;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.mexa.core.safetensors.DType;

/**
 * The shape of a generated olmo, olmo2 or phi3 test checkpoint; {@link OlmoPhiCheckpoint} writes it and
 * {@link OlmoPhiReference} runs it.
 *
 * @param modelType olmo, olmo2 or phi3
 * @param vocab number of words in the word-level vocabulary (plus {@code <unk>} and, unless olmo, {@code <s>})
 * @param hidden model width
 * @param layers decoder layers
 * @param heads query heads
 * @param kvHeads key/value heads
 * @param intermediate MLP width
 * @param ropeTheta rotary base
 * @param clipQkv olmo's {@code clip_qkv}, 0 for none
 * @param attentionBias olmo and olmo2's {@code attention_bias} (q, k, v and o)
 * @param partialRotaryFactor phi3's share of each head that is rotated
 * @param slidingWindow phi3's window, 0 for none
 * @param longrope phi3's longrope scaling or null
 * @param dtype stored weight type
 * @param seed random seed of the weights
 */
public record OlmoPhiModel(String modelType, int vocab, int hidden, int layers, int heads, int kvHeads,
        int intermediate, double ropeTheta, double clipQkv, boolean attentionBias, double partialRotaryFactor,
        int slidingWindow, Longrope longrope, DType dtype, long seed) {

    /**
     * Phi3's {@code rope_scaling} of type longrope with the top-level position limits it is read with.
     *
     * @param shortFactor per-frequency divisors for sequences up to {@code originalMaxPositions}
     * @param longFactor per-frequency divisors for longer sequences
     * @param originalMaxPositions {@code original_max_position_embeddings}
     * @param maxPositions {@code max_position_embeddings}
     */
    public record Longrope(double[] shortFactor, double[] longFactor, int originalMaxPositions, int maxPositions) {
    }

    /** @return an OLMo: hidden 32, 2 layers, 4 heads of 8, clip_qkv 0.7, F32, no BOS */
    public static OlmoPhiModel olmo() {
        return new OlmoPhiModel("olmo", 30, 32, 2, 4, 4, 64, 10000, 0.7, false, 1, 0, null, DType.F32, 11);
    }

    /** @return an OLMo 2: hidden 32, 3 layers, 4 query heads over 2 key/value heads, theta 500000, F32 */
    public static OlmoPhiModel olmo2() {
        return new OlmoPhiModel("olmo2", 30, 32, 3, 4, 2, 64, 500000, 0, false, 1, 0, null, DType.F32, 12);
    }

    /** @return a Phi-3: hidden 32, 2 layers, 4 query heads over 2 key/value heads, sliding window 5, F16 */
    public static OlmoPhiModel phi3() {
        return new OlmoPhiModel("phi3", 30, 32, 2, 4, 2, 64, 10000, 0, false, 1, 5, null, DType.F16, 13);
    }

    /**
     * @return a Phi-3 with partial_rotary_factor 0.5 and longrope (original 6 positions of 24), head size 16, so
     *     that sentences of up to 6 tokens take the short factors and longer ones the long factors
     */
    public static OlmoPhiModel phi3Longrope() {
        Longrope longrope = new Longrope(new double[] {1.01, 1.2, 1.5, 1.9}, new double[] {2.5, 3.1, 4.2, 6.0}, 6,
                24);
        return new OlmoPhiModel("phi3", 30, 32, 2, 2, 2, 64, 10000, 0, false, 0.5, 0, longrope, DType.BF16, 14);
    }

    /**
     * @param config an olmo, olmo2 or phi3 {@code config.json} as transformers writes it
     * @param dtype the stored weight type
     * @return the model it describes
     * @throws IllegalArgumentException when its rms_norm_eps is not the one this record assumes for the type
     */
    public static OlmoPhiModel fromConfig(JsonObject config, DType dtype) {
        String type = config.get("model_type").getAsString();
        int vocabSize = config.get("vocab_size").getAsInt();
        JsonElement eps = config.get("rms_norm_eps");
        JsonElement clip = config.get("clip_qkv");
        JsonElement partial = config.get("partial_rotary_factor");
        JsonElement window = config.get("sliding_window");
        JsonElement scaling = config.get("rope_scaling");
        Longrope longrope = null;
        if (scaling != null && !scaling.isJsonNull()) {
            JsonObject rope = scaling.getAsJsonObject();
            longrope = new Longrope(doubles(rope.getAsJsonArray("short_factor")),
                    doubles(rope.getAsJsonArray("long_factor")),
                    config.get("original_max_position_embeddings").getAsInt(),
                    config.get("max_position_embeddings").getAsInt());
        }
        JsonElement bias = config.get("attention_bias");
        OlmoPhiModel model = new OlmoPhiModel(type, vocabSize - (type.equals("olmo") ? 1 : 2),
                config.get("hidden_size").getAsInt(),
                config.get("num_hidden_layers").getAsInt(), config.get("num_attention_heads").getAsInt(),
                config.get("num_key_value_heads").getAsInt(), config.get("intermediate_size").getAsInt(),
                config.get("rope_theta").getAsDouble(), clip == null || clip.isJsonNull() ? 0 : clip.getAsDouble(),
                bias != null && bias.getAsBoolean(), partial == null ? 1 : partial.getAsDouble(),
                window == null || window.isJsonNull() ? 0 : window.getAsInt(), longrope, dtype, 0);
        if (eps != null && eps.getAsDouble() != model.rmsNormEps()) {
            throw new IllegalArgumentException("rms_norm_eps " + eps + " of " + type);
        }
        return model;
    }

    private static double[] doubles(JsonArray array) {
        double[] values = new double[array.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = array.get(i).getAsDouble();
        }
        return values;
    }

    /** @return the size of one head */
    public int headDim() {
        return hidden / heads;
    }

    /** @return how many dimensions of each head are rotated */
    public int rotaryDim() {
        return (int) (headDim() * partialRotaryFactor);
    }

    /** @return whether the tokenizer puts {@code <s>} in front (OLMo's adds no special token) */
    public boolean bos() {
        return !modelType.equals("olmo");
    }

    /** @return the RMSNorm epsilon written to the config (olmo has none: its LayerNorm uses 1e-5) */
    public double rmsNormEps() {
        return modelType.equals("olmo2") ? 1e-6 : 1e-5;
    }

    /** @return the token-embedding rows: words plus {@code <unk>} and, with a BOS, {@code <s>} */
    public int vocabSize() {
        return vocab + (bos() ? 2 : 1);
    }

    /** @param type stored dtype @return a copy storing weights as {@code type} */
    public OlmoPhiModel withDtype(DType type) {
        return new OlmoPhiModel(modelType, vocab, hidden, layers, heads, kvHeads, intermediate, ropeTheta, clipQkv,
                attentionBias, partialRotaryFactor, slidingWindow, longrope, type, seed);
    }

    /** @param bias attention_bias @return a copy with or without biases on q, k, v and o */
    public OlmoPhiModel withAttentionBias(boolean bias) {
        return new OlmoPhiModel(modelType, vocab, hidden, layers, heads, kvHeads, intermediate, ropeTheta, clipQkv,
                bias, partialRotaryFactor, slidingWindow, longrope, dtype, seed);
    }

    @Override
    public String toString() {
        return modelType + " h" + hidden + " L" + layers + " heads " + heads + "/" + kvHeads + " " + dtype
                + (clipQkv > 0 ? " clip " + clipQkv : "") + (attentionBias ? " bias" : "")
                + (partialRotaryFactor < 1 ? " rotary " + partialRotaryFactor : "")
                + (slidingWindow > 0 ? " window " + slidingWindow : "") + (longrope != null ? " longrope" : "");
    }
}
