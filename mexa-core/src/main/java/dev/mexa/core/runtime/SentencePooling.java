package dev.mexa.core.runtime;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import dev.mexa.core.embedding.EmbeddingMethod;

/**
 * Turns token hidden states into one sentence embedding per layer as a weighted sum over tokens, on the device in
 * float32: {@code weighted-average} weighs real token {@code t} (1-based, BOS included) by {@code t / sum(1..T)};
 * {@code last-token} puts weight 1 on the last real token. Padding always weighs 0.
 */
final class SentencePooling {

    private SentencePooling() {
    }

    /**
     * @param method the embedding method: weighted-average, else last-token
     * @param batch the sentences of a batch
     * @param manager where the weights live
     * @return float32 {@code [B, T, 1]} token weights, each row summing to 1
     */
    static NDArray weights(EmbeddingMethod method, TokenBatch batch, NDManager manager) {
        int rows = batch.tokens().size();
        int length = batch.length();
        float[] weights = new float[rows * length];
        for (int row = 0; row < rows; row++) {
            int tokens = batch.tokens().get(row).length;
            switch (method) {
                case WEIGHTED_AVERAGE -> {
                    double total = tokens * (tokens + 1) / 2.0;
                    for (int t = 0; t < tokens; t++) {
                        weights[row * length + t] = (float) ((t + 1) / total);
                    }
                }
                default -> weights[row * length + tokens - 1] = 1f;
            }
        }
        return manager.create(weights, new Shape(rows, length, 1));
    }

    /**
     * @param state one layer's hidden states {@code [B, T, hidden]}
     * @param weights the batch's token weights {@code [B, T, 1]}
     * @return float32 sentence embeddings {@code [B, hidden]}
     */
    static NDArray pool(NDArray state, NDArray weights) {
        NDArray wide = state.toType(DataType.FLOAT32, false);
        // [B, 1, T] x [B, T, hidden]: no [B, T, hidden] product is materialised
        NDArray pooled = weights.transpose(0, 2, 1).matMul(wide).squeeze(1);
        if (wide != state) {
            wide.close();
        }
        return pooled;
    }
}
