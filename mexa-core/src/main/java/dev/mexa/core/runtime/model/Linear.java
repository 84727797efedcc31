package dev.mexa.core.runtime.model;

import ai.djl.ndarray.NDArray;
import dev.mexa.core.runtime.checkpoint.ResidentWeight;
import dev.mexa.core.runtime.checkpoint.WeightReader;

/**
 * A dense projection {@code x W + b} with {@code W} read as {@code [in, out]}.
 *
 * @param weight the matrix, laid out {@code [in, out]} for its users (a transposed view of an {@code nn.Linear})
 * @param bias {@code [out]} or {@code null}
 */
record Linear(ResidentWeight weight, NDArray bias) {

    /**
     * Reads a PyTorch {@code nn.Linear}: {@code NAME.weight} {@code [out, in]} and, with {@code bias},
     * {@code NAME.bias} {@code [out]}.
     *
     * @param weights the checkpoint
     * @param name the module name
     * @param out output width
     * @param in input width
     * @param bias whether the module has a bias
     * @return the projection
     */
    static Linear read(WeightReader weights, String name, long out, long in, boolean bias) {
        return new Linear(weights.readResident(name + ".weight", w -> w.transpose(1, 0), out, in),
                bias ? weights.read(name + ".bias", out) : null);
    }

    /**
     * Reads a GPT-2 {@code Conv1D}: {@code NAME.weight} {@code [in, out]} and {@code NAME.bias} {@code [out]}.
     *
     * @param weights the checkpoint
     * @param name the module name
     * @param in input width
     * @param out output width
     * @return the projection
     */
    static Linear readConv1d(WeightReader weights, String name, long in, long out) {
        return new Linear(weights.readResident(name + ".weight", w -> w, in, out), weights.read(name + ".bias", out));
    }

    /**
     * @param x {@code [..., in]}
     * @return {@code [..., out]}
     */
    NDArray apply(NDArray x) {
        NDArray product = weight.use(x::matMul);
        return bias == null ? product : product.add(bias);
    }
}
