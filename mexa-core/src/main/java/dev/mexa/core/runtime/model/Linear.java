package dev.mexa.core.runtime.model;

import ai.djl.ndarray.NDArray;

/**
 * A dense projection {@code x W + b} with {@code W} laid out {@code [in, out]}.
 *
 * @param weight {@code [in, out]} in the compute type (may be a transposed view)
 * @param bias {@code [out]} or {@code null}
 */
record Linear(NDArray weight, NDArray bias) {

    /**
     * @param outIn a PyTorch {@code nn.Linear} weight, {@code [out, in]}
     * @param bias its bias or {@code null}
     * @return the projection
     */
    static Linear fromOutIn(NDArray outIn, NDArray bias) {
        return new Linear(outIn.transpose(1, 0), bias);
    }

    /**
     * @param x {@code [..., in]}
     * @return {@code [..., out]}
     */
    NDArray apply(NDArray x) {
        NDArray product = x.matMul(weight);
        return bias == null ? product : product.add(bias);
    }
}
