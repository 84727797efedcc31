package dev.mexa.core.runtime.checkpoint;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.Arrays;
import java.util.function.Function;

/**
 * A weight as it stays in memory between uses: either in the compute type, or in the checkpoint's own half
 * precision (CPU only), widened to float32 each time it is used and released right after. Widening is exact, so
 * both give the same results bit for bit: F16 through PyTorch's own conversion, BF16 (which DJL's bridge cannot hold
 * on the CPU) as its two bytes in a {@code uint8 [..., 2]} array, looked up in a table of the 65,536 float32 values
 * whose upper halves they are.
 */
public final class ResidentWeight implements EmbeddingTable {

    /** Elements widened per step, so that widening needs little memory beyond the float32 result (about 28 MB). */
    private static final long WIDEN_BLOCK = 1L << 20;

    private final NDArray stored;
    private final Shape shape;
    private final NDArray bfloat16Table;
    private final Function<NDArray, NDArray> view;
    private final NDArray dense;

    private ResidentWeight(NDArray stored, Shape shape, NDArray bfloat16Table, Function<NDArray, NDArray> view,
            boolean half) {
        this.stored = stored;
        this.shape = shape;
        this.bfloat16Table = bfloat16Table;
        this.view = view;
        this.dense = half ? null : view.apply(stored);
    }

    /**
     * @param dense the weight in the compute type
     * @param view the layout its users read (e.g. a transpose), applied once
     * @return the weight, kept as it is
     */
    static ResidentWeight dense(NDArray dense, Function<NDArray, NDArray> view) {
        return new ResidentWeight(dense, dense.getShape(), null, view, false);
    }

    /**
     * @param float16 the weight as float16, on the CPU
     * @param view the layout its users read, applied to each widened copy
     * @return the weight, kept in float16
     */
    static ResidentWeight float16(NDArray float16, Function<NDArray, NDArray> view) {
        return new ResidentWeight(float16, float16.getShape(), null, view, true);
    }

    /**
     * @param bytes the weight's BF16 values as little-endian byte pairs, {@code uint8 [..., 2]}, on the CPU
     * @param table the float32 value of every BF16 bit pattern, {@code [65536]}
     * @param view the layout its users read, applied to each widened copy
     * @return the weight, kept in BF16
     */
    static ResidentWeight bfloat16(NDArray bytes, NDArray table, Function<NDArray, NDArray> view) {
        long[] dims = bytes.getShape().getShape();
        return new ResidentWeight(bytes, new Shape(Arrays.copyOf(dims, dims.length - 1)), table, view, true);
    }

    /** @return whether the weight is kept in half precision and widened on each use */
    public boolean isHalf() {
        return dense == null;
    }

    /** @return the weight's shape as stored in the checkpoint */
    public Shape shape() {
        return shape;
    }

    /**
     * Runs {@code step} on the weight in the compute type and its users' layout; a widened copy lives only during
     * the step.
     *
     * @param step what to compute with the weight
     * @return its result
     */
    public NDArray use(Function<NDArray, NDArray> step) {
        if (dense != null) {
            return step.apply(dense);
        }
        // the view is a second handle on the widened storage, attached to the weights' manager: closing only the
        // widened array would keep its float32 copy alive until the model is closed
        try (NDArray wide = widen(stored); NDArray viewed = view.apply(wide)) {
            return step.apply(viewed);
        }
    }

    @Override
    public NDArray rows(NDArray ids, NDManager manager) {
        NDIndex index = new NDIndex("{}", ids);
        if (dense != null) {
            return dense.get(manager, index);
        }
        try (NDArray picked = stored.get(manager, index)) {
            NDArray wide = widen(picked);
            wide.attach(manager);
            return wide;
        }
    }

    /** @return the float32 values of {@code half} (float16, or BF16 byte pairs) in a new array */
    private NDArray widen(NDArray half) {
        if (bfloat16Table == null) {
            return half.toType(DataType.FLOAT32, false);
        }
        long[] dims = half.getShape().getShape();
        Shape wideShape = new Shape(Arrays.copyOf(dims, dims.length - 1));
        NDManager manager = half.getManager();
        NDArray pairs = half.reshape(-1, 2);
        NDArray wide = manager.create(new Shape(wideShape.size()), DataType.FLOAT32);
        for (long from = 0; from < wideShape.size(); from += WIDEN_BLOCK) {
            long to = Math.min(wideShape.size(), from + WIDEN_BLOCK);
            try (NDManager scope = manager.newSubManager()) {
                NDArray block = pairs.get(new NDIndex("{}:{}", from, to));
                block.attach(scope);
                NDArray bytes = block.toType(DataType.INT32, false);
                bytes.attach(scope);
                NDArray bits = bytes.get(":, 1").mul(256).add(bytes.get(":, 0"));
                bits.attach(scope);
                NDArray values = bfloat16Table.get(scope, new NDIndex("{}", bits));
                wide.set(new NDIndex("{}:{}", from, to), values);
            }
        }
        pairs.close();
        NDArray shaped = wide.reshape(wideShape);
        wide.close();
        return shaped;
    }
}
