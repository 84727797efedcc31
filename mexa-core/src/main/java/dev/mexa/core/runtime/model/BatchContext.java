package dev.mexa.core.runtime.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import dev.mexa.core.runtime.rope.RotaryEmbedding;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * What the layers of one forward pass share, built on first use and kept until the batch's manager closes: the
 * additive attention mask of each window size (causal and padding, optionally sliding) and the cosine and sine
 * tables of each rotary embedding. Tables of a length-dependent embedding (dynamic, longrope) are built per
 * sentence from its own length, so batching never changes a sentence's positions.
 */
final class BatchContext {

    /** Added to the scores of masked pairs: large enough that softmax gives exactly 0, small enough to stay finite. */
    static final float MASKED = -1e9f;

    /**
     * Cosine and sine of one rotary embedding, attention factor included, laid out as HF's
     * {@code cat(freqs, freqs)}.
     *
     * @param cos {@code [1 or B, 1, T, dim]} in the compute type
     * @param sin the same shape
     */
    record RotaryTables(NDArray cos, NDArray sin) {
    }

    private final NDArray attentionMask;
    private final NDManager manager;
    private final int length;
    private final Map<Integer, NDArray> masks = new HashMap<>();
    private final Map<RotaryEmbedding, RotaryTables> tables = new IdentityHashMap<>();

    /** @param attentionMask {@code [B, T]}, 1 for real tokens, 0 for right padding */
    BatchContext(NDArray attentionMask) {
        this.attentionMask = attentionMask;
        this.manager = attentionMask.getManager();
        this.length = (int) attentionMask.getShape().get(1);
    }

    /**
     * @param window attention window in tokens (key {@code j} is visible from query {@code i} iff
     *     {@code i - window < j <= i}), 0 for none
     * @return float32 {@code [B, 1, T, T]}: 0 where a query may attend a key, {@link #MASKED} elsewhere
     */
    NDArray mask(int window) {
        return masks.computeIfAbsent(window, this::buildMask);
    }

    private NDArray buildMask(int window) {
        NDArray positions = manager.arange(0f, length, 1f);
        NDArray distance = positions.reshape(length, 1).sub(positions.reshape(1, length));
        NDArray allowed = distance.gte(0);
        if (window > 0) {
            allowed = allowed.logicalAnd(distance.lt(window));
        }
        long batch = attentionMask.getShape().get(0);
        NDArray keys = attentionMask.gt(0).reshape(batch, 1, 1, length);
        NDArray bias = allowed.reshape(1, 1, length, length).logicalAnd(keys).toType(DataType.FLOAT32, false)
                .sub(1f).mul(-MASKED);
        return kept(bias);
    }

    /**
     * @param rotary a rotary embedding of the model
     * @param computeType the dtype of the tables
     * @return its cosine and sine tables for this batch
     */
    RotaryTables rotary(RotaryEmbedding rotary, DataType computeType) {
        return tables.computeIfAbsent(rotary, key -> buildTables(key, computeType));
    }

    private RotaryTables buildTables(RotaryEmbedding rotary, DataType computeType) {
        int[] lengths = rotary.dependsOnLength()
                ? attentionMask.sum(new int[] {1}).toType(DataType.INT32, false).toIntArray()
                : new int[] {length};
        int half = rotary.dim() / 2;
        float[] inverse = new float[lengths.length * half];
        for (int row = 0; row < lengths.length; row++) {
            double[] frequencies = rotary.inverseFrequencies(lengths[row]);
            for (int i = 0; i < half; i++) {
                inverse[row * half + i] = (float) frequencies[i];
            }
        }
        NDArray angles = manager.arange(0f, length, 1f).reshape(1, length, 1)
                .mul(manager.create(inverse, new Shape(lengths.length, 1, half)));
        NDArray both = NDArrays.concat(new NDList(angles, angles), -1).expandDims(1);
        double factor = rotary.attentionFactor();
        return new RotaryTables(kept(both.cos().mul(factor).toType(computeType, false)),
                kept(both.sin().mul(factor).toType(computeType, false)));
    }

    /** Keeps an array built inside a layer's scope alive for the later layers. */
    private static NDArray kept(NDArray array) {
        NDScope.unregister(array);
        return array;
    }
}
