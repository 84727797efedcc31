package dev.mexa.core.runtime.model;

import dev.mexa.core.runtime.checkpoint.ModelConfig;
import dev.mexa.core.runtime.checkpoint.WeightReader;

/** A family's validated reading of one {@code config.json}: the common figures, and how to load the model. */
interface DecoderSpec {

    /** @return what every consumer needs */
    ModelConfig config();

    /**
     * Reads every weight the configuration implies (checking each one's shape and dtype) and builds the model.
     *
     * @param weights the checkpoint's weights, on the compute device in the compute type
     * @return the model; it owns {@code weights.manager()}
     */
    DecoderModel load(WeightReader weights);
}
