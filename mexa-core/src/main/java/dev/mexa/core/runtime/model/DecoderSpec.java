package dev.mexa.core.runtime.model;

import dev.mexa.core.runtime.checkpoint.ModelConfig;
import dev.mexa.core.runtime.checkpoint.WeightReader;
import java.util.List;
import java.util.function.Function;

/**
 * A family's validated reading of one {@code config.json}: the common figures, and how to load the model.
 *
 * @param config what every consumer needs
 * @param decoder reads every weight the configuration implies (checking each one's shape and dtype) and builds the
 *     model, which owns {@code weights.manager()}
 */
record DecoderSpec(ModelConfig config, Function<WeightReader, DecoderModel> decoder) {

    private static final List<String> MODEL_PREFIXES = List.of("model.", "");

    /**
     * The spec of a family whose weights HF names {@code model.embed_tokens.weight}, {@code model.layers.0...}, as
     * a {@code *ForCausalLM} saves them, or without the {@code model.} prefix, as the base model does.
     *
     * @param config the common figures
     * @param decoder builds the model from weights named as in the base model
     * @return the spec
     */
    static DecoderSpec underModel(ModelConfig config, Function<WeightReader, DecoderModel> decoder) {
        return new DecoderSpec(config, weights -> decoder.apply(weights.withPrefix(MODEL_PREFIXES,
                "embed_tokens.weight")));
    }

    /**
     * @param weights the checkpoint's weights, on the compute device in the compute type
     * @return the model; it owns {@code weights.manager()}
     */
    DecoderModel load(WeightReader weights) {
        return decoder.apply(weights);
    }
}
