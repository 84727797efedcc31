package dev.mexa.core.runtime;

import dev.mexa.core.MexaException;
import java.util.Locale;

/**
 * The dtype the forward pass computes in: {@code auto}, {@code float32}, {@code bfloat16} or {@code float16}. Norms,
 * softmax and embedding pooling run in float32 at least. {@code auto} is float32 everywhere until a GPU run of
 * bfloat16 is recorded; half precision is then opt-in on the GPU and always float32 on the CPU.
 */
public enum ComputeType {
    /** float32, until bfloat16 on a GPU has been verified. */
    AUTO,
    /** IEEE single precision. */
    FLOAT32,
    /** bfloat16 (GPU only; the CPU bridge of DJL cannot hold it). */
    BFLOAT16,
    /** IEEE half precision. */
    FLOAT16;

    /**
     * @param value {@code auto}, {@code float32}, {@code bfloat16} or {@code float16}, any case
     * @return the choice
     */
    public static ComputeType parse(String value) {
        for (ComputeType type : values()) {
            if (type.name().equalsIgnoreCase(value == null ? "auto" : value.trim())) {
                return type;
            }
        }
        throw new MexaException("Unknown dtype '" + value + "': set dtype (mexa.dtype) to auto, float32, bfloat16"
                + " or float16.");
    }

    /** @return the lower-case name used in configuration */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
