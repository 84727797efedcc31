package dev.mexa.core.score;

import dev.mexa.core.MexaException;
import java.util.Arrays;
import java.util.Locale;

/** How the per-layer alignment scores of one language become its single MEXA score. */
public enum Pooling {
    /** Mean over the layers (the paper's default). */
    MEAN,
    /** Best layer. */
    MAX;

    /**
     * @param layerScores per-layer scores, at least one
     * @return the pooled score
     */
    public double pool(double[] layerScores) {
        if (layerScores.length == 0) {
            throw new IllegalArgumentException("no layer scores to pool");
        }
        return this == MEAN ? Arrays.stream(layerScores).average().orElseThrow()
                : Arrays.stream(layerScores).max().orElseThrow();
    }

    /** @return the name used in configuration and reports: {@code mean} or {@code max} */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * @param value {@code mean} or {@code max}, any case
     * @return the pooling
     * @throws MexaException naming the accepted values otherwise
     */
    public static Pooling parse(String value) {
        for (Pooling pooling : values()) {
            if (pooling.id().equalsIgnoreCase(value == null ? "" : value.trim())) {
                return pooling;
            }
        }
        throw new MexaException("Unknown pooling '" + value + "': set pooling (mexa.pooling) to mean or max.");
    }
}
