package dev.mexa.core.runtime;

import dev.mexa.core.safetensors.DType;

/**
 * The shape of a generated Gemma-family test checkpoint ({@code gemma}, {@code gemma2}, {@code gemma3_text});
 * {@link GemmaCheckpoint} writes it and {@link GemmaReference} runs it.
 *
 * @param modelType gemma, gemma2 or gemma3_text
 * @param vocab number of words in the word-level vocabulary (plus {@code <unk>} and {@code <s>})
 * @param hidden model width
 * @param layers decoder layers
 * @param heads query heads
 * @param kvHeads key/value heads
 * @param headDim head size, chosen independent of hidden / heads
 * @param intermediate MLP width
 * @param ropeTheta rotary base ({@code rope_theta}; the global layers' base for gemma3_text)
 * @param localTheta gemma3_text's {@code rope_local_base_freq} for sliding layers
 * @param linearFactor gemma3_text's global-layer {@code rope_scaling} linear factor, 0 for none
 * @param slidingWindow window of the sliding layers (gemma2, gemma3_text)
 * @param slidingPattern gemma3_text's {@code sliding_window_pattern}: layer i is global iff (i + 1) % it == 0
 * @param softcap {@code attn_logit_softcapping}, 0 for none
 * @param queryScalar {@code query_pre_attn_scalar} (gemma2, gemma3_text): scores are scaled by its -1/2 power
 * @param attentionBias {@code attention_bias}: biases on the q, k, v and o projections
 * @param tied whether the output head is the token embedding (otherwise an unused {@code lm_head.weight} is stored)
 * @param dtype stored weight type
 * @param seed random seed of the weights
 */
public record TinyGemma(String modelType, int vocab, int hidden, int layers, int heads, int kvHeads, int headDim,
        int intermediate, double ropeTheta, double localTheta, double linearFactor, int slidingWindow,
        int slidingPattern, double softcap, double queryScalar, boolean attentionBias, boolean tied, DType dtype,
        long seed) {

    /** @return a small Gemma: hidden 32, 3 layers, 4 query heads over 1 key/value head of 12, F32, tied */
    public static TinyGemma gemma() {
        return new TinyGemma("gemma", 40, 32, 3, 4, 1, 12, 64, 10000, 0, 0, 0, 0, 0, 0, false, true, DType.F32, 11);
    }

    /** @return a small Gemma 2: window 3 on layers 0 and 2, soft-capping 2.0, query scalar 20, 4/2 heads of 12 */
    public static TinyGemma gemma2() {
        return new TinyGemma("gemma2", 40, 32, 3, 4, 2, 12, 64, 10000, 0, 0, 3, 0, 2.0, 20, false, true, DType.F32,
                12);
    }

    /** @return a small Gemma 3: 4 layers, pattern 2 (layers 1 and 3 global), window 3, local theta 10000 */
    public static TinyGemma gemma3() {
        return new TinyGemma("gemma3_text", 40, 32, 4, 4, 2, 12, 64, 1e6, 10000, 8, 3, 2, 0, 24, false, true,
                DType.F32, 13);
    }

    /** @return whether layers carry the post-attention, pre- and post-feedforward norms (gemma2, gemma3_text) */
    public boolean sandwichNorms() {
        return !modelType.equals("gemma");
    }

    /** @return whether attention has per-head q_norm and k_norm (gemma3_text) */
    public boolean queryKeyNorms() {
        return modelType.equals("gemma3_text");
    }

    /**
     * @param layer a layer index
     * @return whether it attends within the sliding window (HF: gemma2 even layers, gemma3_text all but every
     *     {@code slidingPattern}-th)
     */
    public boolean sliding(int layer) {
        return switch (modelType) {
            case "gemma2" -> layer % 2 == 0;
            case "gemma3_text" -> (layer + 1) % slidingPattern != 0;
            default -> false;
        };
    }

    /** @return the token-embedding rows: words plus {@code <unk>} and {@code <s>} */
    public int vocabSize() {
        return vocab + 2;
    }

    /** @param type stored dtype @return a copy storing weights as {@code type} */
    public TinyGemma withDtype(DType type) {
        return copy(type, attentionBias, tied, seed, softcap, slidingWindow, queryScalar, localTheta, linearFactor);
    }

    /** @return a copy with q/k/v/o biases and an untied (unused) output head, other weights */
    public TinyGemma withBiasUntied() {
        return copy(dtype, true, false, seed + 100, softcap, slidingWindow, queryScalar, localTheta, linearFactor);
    }

    /** @param cap attn_logit_softcapping, 0 for none @return a copy with it */
    public TinyGemma withSoftcap(double cap) {
        return copy(dtype, attentionBias, tied, seed, cap, slidingWindow, queryScalar, localTheta, linearFactor);
    }

    /** @param window the sliding layers' window, 0 for global attention everywhere @return a copy with it */
    public TinyGemma withWindow(int window) {
        return copy(dtype, attentionBias, tied, seed, softcap, window, queryScalar, localTheta, linearFactor);
    }

    /** @param scalar query_pre_attn_scalar @return a copy with it */
    public TinyGemma withQueryScalar(double scalar) {
        return copy(dtype, attentionBias, tied, seed, softcap, slidingWindow, scalar, localTheta, linearFactor);
    }

    /** @param theta rope_local_base_freq @return a copy with it */
    public TinyGemma withLocalTheta(double theta) {
        return copy(dtype, attentionBias, tied, seed, softcap, slidingWindow, queryScalar, theta, linearFactor);
    }

    /** @param factor the global layers' linear rope factor, 0 for none @return a copy with it */
    public TinyGemma withLinearFactor(double factor) {
        return copy(dtype, attentionBias, tied, seed, softcap, slidingWindow, queryScalar, localTheta, factor);
    }

    private TinyGemma copy(DType type, boolean bias, boolean tiedHead, long weightSeed, double cap, int window,
            double scalar, double local, double factor) {
        return new TinyGemma(modelType, vocab, hidden, layers, heads, kvHeads, headDim, intermediate, ropeTheta,
                local, factor, window, slidingPattern, cap, scalar, bias, tiedHead, type, weightSeed);
    }

    @Override
    public String toString() {
        return modelType + " h" + hidden + " L" + layers + " heads " + heads + "/" + kvHeads + " d" + headDim + " "
                + dtype + (tied ? " tied" : " untied") + (attentionBias ? " bias" : "")
                + (slidingWindow > 0 ? " window " + slidingWindow : "") + (softcap > 0 ? " softcap " + softcap : "");
    }
}
