package dev.mexa.core.runtime.model;

import dev.mexa.core.runtime.checkpoint.ConfigReader;
import java.util.List;

/**
 * One decoder family, as HF keeps one modelling file per family: its name, the {@code model_type}s it serves,
 * whether float16 compute is safe for it, how it reads and checks its {@code config.json} keys, and (through the
 * {@link DecoderSpec} it returns) how it loads its weights and computes its layers. {@link DecoderFamilies} lists
 * them.
 */
abstract class DecoderFamily {

    private final String name;
    private final boolean float16Safe;
    private final List<String> modelTypes;

    /**
     * @param name the family's name in messages, e.g. {@code Llama}
     * @param float16Safe whether float16 compute is safe for it: false where activations exceed float16's range
     *     (65504), as in Gemma; such a family refuses {@code mexa.dtype=float16}
     * @param modelTypes the {@code model_type} values it serves
     */
    DecoderFamily(String name, boolean float16Safe, String... modelTypes) {
        this.name = name;
        this.float16Safe = float16Safe;
        this.modelTypes = List.of(modelTypes);
    }

    /** @return the family's name in messages, e.g. {@code Llama} */
    final String name() {
        return name;
    }

    /** @return the {@code model_type} values it serves */
    final List<String> modelTypes() {
        return modelTypes;
    }

    /** @return whether float16 compute is safe for it */
    final boolean float16Safe() {
        return float16Safe;
    }

    /**
     * Reads and checks every key the family uses, before any weight is loaded.
     *
     * @param modelType one of {@link #modelTypes()}
     * @param config the checkpoint's {@code config.json}
     * @return the validated configuration, ready to load the weights
     * @throws dev.mexa.core.MexaException naming config.json and the key at fault
     */
    abstract DecoderSpec configure(String modelType, ConfigReader config);
}
