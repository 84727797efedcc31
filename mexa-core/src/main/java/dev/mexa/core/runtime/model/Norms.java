package dev.mexa.core.runtime.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;

/** RMSNorm and LayerNorm over the last axis, computed in float32 whatever the input type. */
final class Norms {

    private Norms() {
    }

    /**
     * HuggingFace's LlamaRMSNorm: {@code w * (x / sqrt(mean(x^2) + eps))}, normalised in float32 and cast back
     * before the scale is applied.
     *
     * @param x {@code [..., hidden]}
     * @param weight float32 {@code [hidden]}
     * @param eps epsilon
     * @return the normalised states in the input's type
     */
    static NDArray rms(NDArray x, NDArray weight, double eps) {
        NDArray wide = x.toType(DataType.FLOAT32, false);
        NDArray scale = wide.square().mean(new int[] {-1}, true).add(eps).sqrt();
        NDArray normalised = wide.div(scale).toType(x.getDataType(), false);
        return normalised.mul(weight.toType(x.getDataType(), false));
    }

    /**
     * LayerNorm with biased variance, as {@code torch.nn.LayerNorm}.
     *
     * @param x {@code [..., hidden]}
     * @param weight float32 {@code [hidden]}
     * @param bias float32 {@code [hidden]}
     * @param eps epsilon
     * @return the normalised states in the input's type
     */
    static NDArray layer(NDArray x, NDArray weight, NDArray bias, double eps) {
        NDArray wide = x.toType(DataType.FLOAT32, false);
        NDArray centred = wide.sub(wide.mean(new int[] {-1}, true));
        NDArray deviation = centred.square().mean(new int[] {-1}, true).add(eps).sqrt();
        return centred.div(deviation).mul(weight).add(bias).toType(x.getDataType(), false);
    }
}
