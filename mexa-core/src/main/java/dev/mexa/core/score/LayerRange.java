package dev.mexa.core.score;

import dev.mexa.core.MexaConfigurationException;
import dev.mexa.core.MexaException;
import java.util.Arrays;

/**
 * An inclusive range of hidden-state indices (0 = embedding output) that pooling is restricted to.
 *
 * @param from first index, at least 0
 * @param to last index, inclusive; {@code -1} means the last layer
 */
public record LayerRange(int from, int to) {

    /** Every layer. */
    public static final LayerRange ALL = new LayerRange(0, -1);

    private static final String ALL_NAME = "all";

    /**
     * Reads a range as a report records it.
     *
     * @param text {@code "from-to"}, {@code "from-"}, or {@code "all"}, empty or null for every layer, e.g.
     *     {@code "8-24"}
     * @return the range
     * @throws MexaException naming the text when it is no range
     */
    public static LayerRange parse(String text) {
        return parse(text, "layer range");
    }

    /**
     * @param text {@code "from-to"}, {@code "from-"}, or {@code "all"}, empty or null for every layer, e.g.
     *     {@code "8-24"}
     * @param setting what the text is, named in the error: {@code layer range}, or the setting it was given in
     * @return the range
     * @throws MexaException naming {@code setting} and the text when it is no range
     */
    public static LayerRange parse(String text, String setting) {
        if (text == null || text.isBlank() || text.trim().equalsIgnoreCase(ALL_NAME)) {
            return ALL;
        }
        String[] parts = text.trim().split("-", -1);
        try {
            if (parts.length == 2) {
                int from = Integer.parseInt(parts[0].trim());
                int to = parts[1].isBlank() ? -1 : Integer.parseInt(parts[1].trim());
                if (from >= 0 && (to == -1 || to >= from)) {
                    return new LayerRange(from, to);
                }
            }
        } catch (NumberFormatException e) {
            // fall through to the message below
        }
        throw new MexaException("Invalid " + setting + " '" + text + "': use FROM-TO or FROM- with 0 <= FROM <= TO,"
                + " e.g. 8-24 (0 is the embedding output).");
    }

    /**
     * @param layerScores scores of all layers
     * @param source what the scores belong to, for the error message
     * @return the scores within this range
     * @throws MexaException naming {@code layers (mexa.layers)} when the range goes beyond the scores
     */
    public double[] select(double[] layerScores, String source) {
        if (!within(layerScores.length)) {
            throw new MexaException(beyond(layerScores.length, source));
        }
        return Arrays.copyOfRange(layerScores, from, last(layerScores.length) + 1);
    }

    /**
     * Checks that this range lies within the hidden states an input will have, as a plan does before anything is
     * embedded; {@link #select} says the same of scores in hand.
     *
     * @param hiddenStates how many hidden states there are: a model's layers + 1
     * @param source what has them, for the error message
     * @throws MexaConfigurationException naming {@code layers (mexa.layers)} when the range goes beyond them
     */
    public void check(int hiddenStates, String source) {
        if (!within(hiddenStates)) {
            throw new MexaConfigurationException(beyond(hiddenStates, source));
        }
    }

    private boolean within(int hiddenStates) {
        return last(hiddenStates) < hiddenStates && from <= last(hiddenStates);
    }

    private int last(int hiddenStates) {
        return to == -1 ? hiddenStates - 1 : to;
    }

    private String beyond(int hiddenStates, String source) {
        return "Layer range " + this + " goes beyond the " + hiddenStates + " hidden states of " + source + " (0.."
                + (hiddenStates - 1) + "): narrow layers (mexa.layers).";
    }

    /**
     * @param layerRange a range as a report records it ({@link #toString()}), possibly from an older or foreign file
     * @return the range in words: {@code all layers}, {@code layers 8-24}, {@code layers 8-}
     */
    public static String describe(String layerRange) {
        return ALL_NAME.equals(layerRange) ? "all layers" : "layers " + layerRange;
    }

    /** @return {@code all}, {@code FROM-TO} or {@code FROM-}, as {@link #parse} reads it */
    @Override
    public String toString() {
        if (equals(ALL)) {
            return ALL_NAME;
        }
        return from + "-" + (to == -1 ? "" : Integer.toString(to));
    }
}
