package dev.mexa.core.runtime;

import dev.mexa.core.safetensors.DType;

/**
 * The shape of a generated test checkpoint, for every architecture; {@link TinyCheckpoint} writes it and
 * {@link ReferenceDecoder} runs it.
 *
 * @param modelType llama, mistral, qwen2, qwen3 or gpt2
 * @param vocab number of words in the word-level vocabulary (plus {@code <unk>} and, for the Llama family, {@code <s>})
 * @param hidden model width
 * @param layers decoder layers
 * @param heads query heads
 * @param kvHeads key/value heads
 * @param headDim head size (written as {@code head_dim} when it differs from hidden / heads)
 * @param intermediate MLP width
 * @param ropeTheta rotary base
 * @param llama3 {@code {factor, low_freq_factor, high_freq_factor, original_max_position_embeddings}} or null
 * @param tied whether the output head is the token embedding
 * @param dtype stored weight type
 * @param bias attention_bias (llama, qwen3) / always on for qwen2 and gpt2
 * @param slidingWindow mistral's window, 0 for none
 * @param seed random seed of the weights
 * @param ropeScaling a {@code rope_scaling} object as JSON text (written instead of {@code llama3}), or null
 * @param maxPositions {@code max_position_embeddings}
 * @param maxWindowLayers qwen2/qwen3: with a window, {@code use_sliding_window} true and this
 *     {@code max_window_layers}; -1 for {@code use_sliding_window} false
 */
public record TinyModel(String modelType, int vocab, int hidden, int layers, int heads, int kvHeads, int headDim,
        int intermediate, double ropeTheta, double[] llama3, boolean tied, DType dtype, boolean bias,
        int slidingWindow, long seed, String ropeScaling, int maxPositions, int maxWindowLayers) {

    /** The shape without rope_scaling JSON, with 2048 positions and no qwen2 window layers. */
    public TinyModel(String modelType, int vocab, int hidden, int layers, int heads, int kvHeads, int headDim,
            int intermediate, double ropeTheta, double[] llama3, boolean tied, DType dtype, boolean bias,
            int slidingWindow, long seed) {
        this(modelType, vocab, hidden, layers, heads, kvHeads, headDim, intermediate, ropeTheta, llama3, tied, dtype,
                bias, slidingWindow, seed, null, 2048, -1);
    }

    /** @return a small GQA Llama: hidden 32, 3 layers, 4 query heads over 2 key/value heads, F32, untied */
    public static TinyModel llama() {
        return new TinyModel("llama", 40, 32, 3, 4, 2, 8, 48, 10000, null, false, DType.F32, false, 0, 1);
    }

    /** @return a small GPT-2: hidden 32, 2 layers, 4 heads, F32 */
    public static TinyModel gpt2() {
        return new TinyModel("gpt2", 40, 32, 2, 4, 4, 8, 128, 0, null, true, DType.F32, true, 0, 2);
    }

    /** @return whether this is the GPT-2 architecture */
    public boolean isGpt2() {
        return modelType.equals("gpt2");
    }

    /** @return whether each query and key head is RMS-normalised before the rotation (qwen3) */
    public boolean headNorms() {
        return modelType.equals("qwen3");
    }

    /** @return whether q/k/v carry biases */
    public boolean qkvBias() {
        return isGpt2() || modelType.equals("qwen2") || bias;
    }

    /** @return the token-embedding rows: words plus {@code <unk>} and, for Llama-like models, {@code <s>} */
    public int vocabSize() {
        return vocab + (isGpt2() ? 1 : 2);
    }

    /** @param type stored dtype @return a copy storing weights as {@code type} */
    public TinyModel withDtype(DType type) {
        return new TinyModel(modelType, vocab, hidden, layers, heads, kvHeads, headDim, intermediate, ropeTheta,
                llama3, tied, type, bias, slidingWindow, seed, ropeScaling, maxPositions, maxWindowLayers);
    }

    /** @param type model_type @return a copy of another family of the same shape */
    public TinyModel withType(String type) {
        return new TinyModel(type, vocab, hidden, layers, heads, kvHeads, headDim, intermediate, ropeTheta,
                llama3, tied, dtype, bias, slidingWindow, seed, ropeScaling, maxPositions, maxWindowLayers);
    }

    /**
     * @param scaling a {@code rope_scaling} object as JSON text
     * @param positions {@code max_position_embeddings}
     * @return a copy with that rotary scaling
     */
    public TinyModel withRopeScaling(String scaling, int positions) {
        return new TinyModel(modelType, vocab, hidden, layers, heads, kvHeads, headDim, intermediate, ropeTheta,
                llama3, tied, dtype, bias, slidingWindow, seed, scaling, positions, maxWindowLayers);
    }

    /**
     * @param window {@code sliding_window}
     * @param fromLayer {@code max_window_layers}, with {@code use_sliding_window} true
     * @return a qwen2/qwen3 copy whose layers from {@code fromLayer} on slide
     */
    public TinyModel withWindowLayers(int window, int fromLayer) {
        return new TinyModel(modelType, vocab, hidden, layers, heads, kvHeads, headDim, intermediate, ropeTheta,
                llama3, tied, dtype, bias, window, seed, ropeScaling, maxPositions, fromLayer);
    }

    /**
     * @param layer a layer index
     * @return its attention window, 0 for none (mistral: every layer; qwen: layers from max_window_layers on)
     */
    public int windowOf(int layer) {
        if (modelType.equals("mistral")) {
            return slidingWindow;
        }
        return maxWindowLayers >= 0 && layer >= maxWindowLayers ? slidingWindow : 0;
    }

    @Override
    public String toString() {
        return modelType + " h" + hidden + " L" + layers + " heads " + heads + "/" + kvHeads + " d" + headDim + " "
                + dtype + (tied ? " tied" : "") + (llama3 != null ? " llama3" : "") + " theta " + ropeTheta
                + (bias ? " bias" : "") + (slidingWindow > 0 ? " window " + slidingWindow : "")
                + (maxWindowLayers >= 0 ? " from layer " + maxWindowLayers : "")
                + (ropeScaling != null ? " rope " + ropeScaling + " positions " + maxPositions : "");
    }
}
