package dev.mexa.core.report;

import dev.mexa.core.MexaException;
import dev.mexa.core.score.LayerRange;
import dev.mexa.core.score.Pooling;

/**
 * One language's layer scores pooled both ways over the report's layer range, so that a run can be compared with
 * mean- and max-pooled figures alike (the paper gives both); the gate uses the report's configured pooling only.
 *
 * @param mean the mean over the pooled layers, or {@code null} when the report holds no usable layer scores
 * @param max the best pooled layer, or {@code null} likewise
 */
public record PooledScores(Double mean, Double max) {

    /**
     * @param report the report, for its layer range
     * @param result one of its languages
     * @return both poolings; 1.0 for the pivot; nulls for a recorded report without layer scores for the range
     */
    public static PooledScores of(MexaReport report, LanguageResult result) {
        if (result.pivot()) {
            return new PooledScores(1.0, 1.0);
        }
        double[] layers;
        try {
            layers = LayerRange.parse(report.layerRange()).select(result.layerScores(), result.language());
        } catch (MexaException e) {
            // a recorded report from an older or foreign tool: the configured score is all it has
            return new PooledScores(null, null);
        }
        if (layers.length == 0) {
            return new PooledScores(null, null);
        }
        return new PooledScores(Pooling.MEAN.pool(layers), Pooling.MAX.pool(layers));
    }

    /**
     * @param pooling {@code mean} or {@code max}
     * @return that pooling's score, or {@code null}
     */
    public Double of(Pooling pooling) {
        return pooling == Pooling.MEAN ? mean : max;
    }
}
