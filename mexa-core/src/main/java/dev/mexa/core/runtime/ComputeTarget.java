package dev.mexa.core.runtime;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.types.DataType;
import dev.mexa.core.DjlEngine;
import dev.mexa.core.MexaException;
import dev.mexa.core.MexaLog;

/**
 * The device and dtype a model actually runs with, resolved from the requested {@link ComputeDevice} and
 * {@link ComputeType}: device {@code auto} picks a GPU when DJL sees one; dtype {@code auto} is float32 on either
 * (DJL's PyTorch bridge has no bfloat16 on any device). float16 requested on the CPU falls back to float32 with a
 * warning: float16 matrix products on the CPU are two orders of magnitude slower than float32.
 *
 * @param device where the weights and activations live
 * @param computeType the dtype of weights and activations (norms, softmax and pooling run in float32 regardless)
 */
public record ComputeTarget(Device device, DataType computeType) {

    /**
     * @param device the requested device
     * @param type the requested dtype
     * @param log receives the CPU fallback warning
     * @return the resolved target
     * @throws MexaException when a GPU is requested and none is visible
     */
    public static ComputeTarget resolve(ComputeDevice device, ComputeType type, MexaLog log) {
        int gpus;
        try {
            gpus = Engine.getEngine(DjlEngine.NAME).getGpuCount();
        } catch (RuntimeException e) {
            throw new MexaException("The PyTorch engine could not start (" + e.getMessage() + "): check the native"
                    + " library set-up (PYTORCH_LIBRARY_PATH, PYTORCH_FLAVOR, DJL_CACHE_DIR; see docs/runtime.md).", e);
        }
        boolean gpu = switch (device) {
            case AUTO -> gpus > 0;
            case CPU -> false;
            case GPU -> {
                if (gpus == 0) {
                    throw new MexaException("device (mexa.device) is gpu but the PyTorch engine sees no GPU: install"
                            + " the CUDA flavour of the PyTorch native library (see docs/runtime.md) or use device"
                            + " cpu.");
                }
                yield true;
            }
        };
        return new ComputeTarget(gpu ? Device.gpu() : Device.cpu(), computeType(type, gpu, log));
    }

    private static DataType computeType(ComputeType type, boolean gpu, MexaLog log) {
        if (gpu) {
            if (type == ComputeType.FLOAT16) {
                log.warn("dtype (mexa.dtype) float16 on the GPU has not been verified by this version of mexa-java (no"
                        + " GPU run is recorded in docs/performance.md); use dtype float32 if the run fails.");
                return DataType.FLOAT16;
            }
            return DataType.FLOAT32;
        }
        if (type == ComputeType.FLOAT16) {
            log.warn("dtype (mexa.dtype) float16 runs as float32 on the CPU: float16 matrix products there are about"
                    + " 200 times slower than float32. Scores are unaffected beyond rounding; use a GPU for half"
                    + " precision.");
        }
        return DataType.FLOAT32;
    }
}
