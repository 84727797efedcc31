package dev.mexa.core.runtime.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

/**
 * What every layer of one forward pass shares: the additive attention mask (causal, padding and optional sliding
 * window) and, for rotary models, the cosine and sine tables of positions {@code 0..T-1}.
 *
 * @param maskBias float32 {@code [B, 1, T, T]}: 0 where a query may attend a key, a large negative number elsewhere
 * @param cos {@code [T, headDim]} in the compute type, or {@code null} without rotary positions
 * @param sin {@code [T, headDim]} in the compute type, or {@code null} without rotary positions
 */
record BatchContext(NDArray maskBias, NDArray cos, NDArray sin) {

    /** Added to the scores of masked pairs: large enough that softmax gives exactly 0, small enough to stay finite. */
    static final float MASKED = -1e9f;

    /**
     * @param attentionMask {@code [B, T]}, 1 for real tokens, 0 for right padding
     * @param slidingWindow attention window in tokens, 0 for none
     * @return the additive mask, float32 {@code [B, 1, T, T]}
     */
    static NDArray maskBias(NDArray attentionMask, int slidingWindow) {
        int length = (int) attentionMask.getShape().get(1);
        float[] allowed = new float[length * length];
        for (int query = 0; query < length; query++) {
            for (int key = 0; key <= query; key++) {
                boolean inWindow = slidingWindow == 0 || query - key < slidingWindow;
                allowed[query * length + key] = inWindow ? 1f : 0f;
            }
        }
        NDManager manager = attentionMask.getManager();
        NDArray causal = manager.create(allowed, new Shape(1, 1, length, length));
        NDArray keys = attentionMask.toType(DataType.FLOAT32, false).expandDims(1).expandDims(1);
        return causal.mul(keys).sub(1f).mul(-MASKED);
    }

    /**
     * @param manager where the tables live
     * @param inverseFrequencies one per pair of head dimensions
     * @param length positions {@code 0..length-1}
     * @param computeType the type of the tables
     * @return cosine and sine tables laid out as HuggingFace's {@code cat(freqs, freqs)}
     */
    static NDArray[] rotaryTables(NDManager manager, double[] inverseFrequencies, int length, DataType computeType) {
        int half = inverseFrequencies.length;
        float[] cos = new float[length * 2 * half];
        float[] sin = new float[length * 2 * half];
        for (int position = 0; position < length; position++) {
            for (int i = 0; i < half; i++) {
                double angle = position * inverseFrequencies[i];
                int at = position * 2 * half + i;
                cos[at] = (float) Math.cos(angle);
                cos[at + half] = cos[at];
                sin[at] = (float) Math.sin(angle);
                sin[at + half] = sin[at];
            }
        }
        Shape shape = new Shape(length, 2L * half);
        return new NDArray[] {manager.create(cos, shape).toType(computeType, false),
                manager.create(sin, shape).toType(computeType, false)};
    }
}
