package dev.mexa.core.runtime;

import dev.mexa.core.MexaException;
import java.util.Locale;

/**
 * The dtype the forward pass computes in: {@code auto}, {@code float32} or {@code float16}. Norms, softmax and
 * embedding pooling run in float32 at least. {@code auto} is float32 on every device; float16 is opt-in on the GPU and
 * float32 on the CPU. There is no bfloat16: DJL's PyTorch bridge maps no dtype to it, on any device, and aborts the JVM
 * when asked for one, so {@code bfloat16} is refused with its own message (BF16 weights are widened exactly to
 * float32 while reading).
 */
public enum ComputeType {
    /** float32 on every device. */
    AUTO,
    /** IEEE single precision. */
    FLOAT32,
    /** IEEE half precision. */
    FLOAT16;

    /**
     * @param value {@code auto}, {@code float32} or {@code float16}, any case
     * @return the choice
     * @throws MexaException for {@code bfloat16} (not available through DJL) or an unknown name
     */
    public static ComputeType parse(String value) {
        String name = value == null ? "auto" : value.trim();
        for (ComputeType type : values()) {
            if (type.name().equalsIgnoreCase(name)) {
                return type;
            }
        }
        if (name.equalsIgnoreCase("bfloat16")) {
            throw new MexaException("dtype (mexa.dtype) bfloat16 is not available: DJL's PyTorch bridge has no"
                    + " bfloat16 on any device (it would abort the JVM). Set dtype to auto or float32 (BF16 weights"
                    + " are widened exactly to float32), or to float16 on a GPU.");
        }
        throw new MexaException("Unknown dtype '" + value + "': set dtype (mexa.dtype) to auto, float32 or float16.");
    }

    /** @return the lower-case name used in configuration */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
