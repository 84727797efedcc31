package dev.mexa.core.embedding;

import dev.mexa.core.MexaException;

/** How the hidden states of a sentence's tokens become one sentence embedding per layer. */
public enum EmbeddingMethod {
    /** Average of token states weighted by position 1..T, divided by the sum of weights (the paper's default). */
    WEIGHTED_AVERAGE("weighted-average"),
    /** State of the last real token. */
    LAST_TOKEN("last-token"),
    /** Embeddings computed elsewhere and imported; the method that made them is unknown. */
    IMPORTED("imported");

    private final String id;

    EmbeddingMethod(String id) {
        this.id = id;
    }

    /** @return the name used in configuration and reports */
    public String id() {
        return id;
    }

    /**
     * @param value {@code weighted-average}, {@code last-token} or {@code imported}
     * @return the method
     */
    public static EmbeddingMethod parse(String value) {
        for (EmbeddingMethod method : values()) {
            if (method.id.equalsIgnoreCase(value == null ? "" : value.trim())) {
                return method;
            }
        }
        throw unknown(value);
    }

    /**
     * @param value {@code weighted-average} or {@code last-token}, the methods a model run can use
     * @return the method
     * @throws MexaException for anything else, {@code imported} included
     */
    public static EmbeddingMethod parseForModel(String value) {
        EmbeddingMethod method = parse(value);
        if (method == IMPORTED) {
            throw unknown(value);
        }
        return method;
    }

    private static MexaException unknown(String value) {
        return new MexaException("Unknown embedding method '" + value + "': use 'weighted-average' or 'last-token'.");
    }
}
