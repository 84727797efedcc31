package dev.mexa.core.runtime.checkpoint;

import dev.mexa.core.MexaException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The decoder families the runtime implements, by the {@code model_type} of their {@code config.json}. */
public enum Architecture {
    /** Llama 1/2/3/3.1/3.2: RMSNorm, rotary positions (optionally llama3-scaled), grouped-query attention, SwiGLU. */
    LLAMA("llama"),
    /** Mistral: the Llama layout with an optional sliding attention window. */
    MISTRAL("mistral"),
    /** Qwen2: the Llama layout with biases on the query, key and value projections. */
    QWEN2("qwen2"),
    /** GPT-2: learned positions, LayerNorm, fused Conv1D attention projection, gelu_new MLP. */
    GPT2("gpt2");

    private final String modelType;

    Architecture(String modelType) {
        this.modelType = modelType;
    }

    /** @return the {@code model_type} value in {@code config.json} */
    public String modelType() {
        return modelType;
    }

    /**
     * @param modelType the {@code model_type} value of a {@code config.json}
     * @param configFile that file, for the error message
     * @return the architecture
     * @throws MexaException listing the supported types when this one is not among them
     */
    public static Architecture fromModelType(String modelType, Path configFile) {
        for (Architecture architecture : values()) {
            if (architecture.modelType.equals(modelType == null ? null : modelType.toLowerCase(Locale.ROOT))) {
                return architecture;
            }
        }
        throw new MexaException("Unsupported model_type '" + modelType + "' in " + configFile + ": supported are "
                + supported() + ". Other architectures will be loadable as TorchScript exports (planned); until then"
                + " use a checkpoint of a supported family or import embeddings computed elsewhere (mexa.embeddings).");
    }

    /** @return the supported {@code model_type} values, comma separated */
    public static String supported() {
        return Arrays.stream(values()).map(Architecture::modelType).collect(Collectors.joining(", "));
    }
}
