package dev.mexa.core.runtime.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;

/** A normalisation over the last axis, computed in float32 whatever the input type, returned in the input type. */
@FunctionalInterface
interface Norm {

    /**
     * @param x {@code [..., width]}
     * @return the normalised values, same shape and type
     */
    NDArray apply(NDArray x);

    /**
     * HF's LlamaRMSNorm: {@code w * (x / sqrt(mean(x^2) + eps))}, normalised in float32 and cast back before the
     * scale is applied.
     *
     * @param weight float32 {@code [width]}
     * @param eps epsilon
     * @return the norm
     */
    static Norm rms(NDArray weight, double eps) {
        return x -> {
            NDArray normalised = rmsNormalised(x, eps).toType(x.getDataType(), false);
            return normalised.mul(weight.toType(x.getDataType(), false));
        };
    }

    /**
     * Gemma's RMSNorm: {@code x / sqrt(mean(x^2) + eps) * (1 + w)}, all in float32, then cast back.
     *
     * @param weight float32 {@code [width]}, stored as the offset from 1
     * @param eps epsilon
     * @return the norm
     */
    static Norm rmsOnePlusWeight(NDArray weight, double eps) {
        NDArray scale = weight.add(1f);
        return x -> rmsNormalised(x, eps).mul(scale).toType(x.getDataType(), false);
    }

    private static NDArray rmsNormalised(NDArray x, double eps) {
        NDArray wide = x.toType(DataType.FLOAT32, false);
        return wide.div(wide.square().mean(new int[] {-1}, true).add(eps).sqrt());
    }

    /**
     * LayerNorm with biased variance, as {@code torch.nn.LayerNorm}; without weight and bias (OLMo) when both are
     * {@code null}.
     *
     * @param weight float32 {@code [width]} or {@code null}
     * @param bias float32 {@code [width]} or {@code null}
     * @param eps epsilon
     * @return the norm
     */
    static Norm layer(NDArray weight, NDArray bias, double eps) {
        return x -> {
            NDArray wide = x.toType(DataType.FLOAT32, false);
            NDArray centred = wide.sub(wide.mean(new int[] {-1}, true));
            NDArray normalised = centred.div(centred.square().mean(new int[] {-1}, true).add(eps).sqrt());
            NDArray scaled = weight == null ? normalised : normalised.mul(weight);
            return (bias == null ? scaled : scaled.add(bias)).toType(x.getDataType(), false);
        };
    }
}
