package dev.mexa.core.runtime.model;

import dev.mexa.core.runtime.checkpoint.ConfigReader;
import java.util.List;

/**
 * One decoder family, as HF keeps one modelling file per family: the {@code model_type}s it serves, how it reads
 * and checks its {@code config.json} keys, and (through the {@link DecoderSpec} it returns) how it loads its
 * weights and computes its layers. {@link DecoderFamilies} lists them.
 */
interface DecoderFamily {

    /** @return the family's name in messages, e.g. {@code Llama} */
    String name();

    /** @return the {@code model_type} values it serves */
    List<String> modelTypes();

    /**
     * @return whether float16 compute is safe for it: false where activations exceed float16's range (65504), as
     *     in Gemma; such a family refuses {@code mexa.dtype=float16}
     */
    boolean float16Safe();

    /**
     * Reads and checks every key the family uses, before any weight is loaded.
     *
     * @param modelType one of {@link #modelTypes()}
     * @param config the checkpoint's {@code config.json}
     * @return the validated configuration, ready to load the weights
     * @throws dev.mexa.core.MexaException naming config.json and the key at fault
     */
    DecoderSpec configure(String modelType, ConfigReader config);
}
