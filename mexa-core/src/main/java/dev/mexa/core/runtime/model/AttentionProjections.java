package dev.mexa.core.runtime.model;

import dev.mexa.core.runtime.checkpoint.WeightReader;

/**
 * The separate query, key, value and output projections of one attention block ({@code q_proj}, {@code k_proj},
 * {@code v_proj}, {@code o_proj}), sized by the attention geometry.
 *
 * @param query {@code q_proj}
 * @param key {@code k_proj}
 * @param value {@code v_proj}
 * @param output {@code o_proj}
 */
record AttentionProjections(Linear query, Linear key, Linear value, Linear output) {

    /**
     * @param weights the checkpoint, prefix chosen
     * @param prefix the attention module's name, e.g. {@code layers.0.self_attn.}
     * @param shape the attention geometry
     * @param qkvBias whether the query, key and value projections have biases
     * @param outputBias whether the output projection has a bias
     * @return the four projections
     */
    static AttentionProjections read(WeightReader weights, String prefix, AttentionShape shape, boolean qkvBias,
            boolean outputBias) {
        long hidden = shape.hidden();
        return new AttentionProjections(
                Linear.read(weights, prefix + "q_proj", shape.queryWidth(), hidden, qkvBias),
                Linear.read(weights, prefix + "k_proj", shape.keyWidth(), hidden, qkvBias),
                Linear.read(weights, prefix + "v_proj", shape.keyWidth(), hidden, qkvBias),
                Linear.read(weights, prefix + "o_proj", hidden, shape.queryWidth(), outputBias));
    }
}
