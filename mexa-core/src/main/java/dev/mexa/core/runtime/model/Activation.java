package dev.mexa.core.runtime.model;

import ai.djl.ndarray.NDArray;
import dev.mexa.core.runtime.checkpoint.ConfigReader;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** The MLP activations of the implemented families, by their names in HF's {@code ACT2FN}. */
enum Activation {
    /** {@code x sigmoid(x)}. */
    SILU("silu", "swish"),
    /** {@code 0.5 x (1 + tanh(sqrt(2 / pi) (x + 0.044715 x^3)))}. */
    GELU_TANH("gelu_new", "gelu_pytorch_tanh"),
    /** {@code 0.5 x (1 + erf(x / sqrt(2)))}. */
    GELU("gelu");

    private static final double TANH_SCALE = Math.sqrt(2 / Math.PI);

    private final List<String> names;

    Activation(String... names) {
        this.names = List.of(names);
    }

    /**
     * @param config a {@code config.json}
     * @param key the key naming the activation ({@code hidden_act}, {@code activation_function}, ...)
     * @param fallback the family's default when the key is absent
     * @param allowed the activations the family implements
     * @return the activation
     * @throws dev.mexa.core.MexaException naming the key and the allowed names otherwise
     */
    static Activation read(ConfigReader config, String key, String fallback, Activation... allowed) {
        String name = config.optionalString(key).orElse(fallback);
        return Arrays.stream(allowed).filter(activation -> activation.names.contains(name)).findFirst()
                .orElseThrow(() -> config.invalid(key, "is '" + name + "'; this family implements "
                        + Arrays.stream(allowed).flatMap(activation -> activation.names.stream())
                                .collect(Collectors.joining(", "))));
    }

    /**
     * @param x any array
     * @return the activation applied elementwise
     */
    NDArray apply(NDArray x) {
        return switch (this) {
            case SILU -> x.mul(x.getNDArrayInternal().sigmoid());
            case GELU_TANH -> x.mul(0.5).mul(x.add(x.pow(3).mul(0.044715)).mul(TANH_SCALE).tanh().add(1));
            case GELU -> x.mul(0.5).mul(x.div(Math.sqrt(2)).erf().add(1));
        };
    }
}
