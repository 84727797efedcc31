package dev.mexa.core.report;

import dev.mexa.core.score.WilsonInterval;
import java.util.List;
import java.util.Map;

/**
 * Everything the report holds for one language: its pooled and per-layer scores with their 95% Wilson intervals,
 * and, once a gate has run, its threshold, baseline, verdict and violation messages.
 *
 * @param language the FLORES-style code, e.g. {@code deu_Latn}
 * @param pivot whether this is the pivot language (scored 1.0 by definition, never gated)
 * @param sentences n, the number of sentence pairs scored
 * @param score the pooled MEXA score
 * @param interval the 95% Wilson interval of the pooled score over n
 * @param layerScores the score of each hidden state (index 0 = embedding output)
 * @param layerIntervals the 95% Wilson interval of each layer score
 * @param threshold the minimum score the gate required, or {@code null}
 * @param baseline the score of the same language in the baseline report, or {@code null}
 * @param verdict the gate's outcome
 * @param violations one message per violated rule, empty when none
 * @param estimatedScores task name to estimated task score (MEXA score x English task score), empty when none
 */
public record LanguageResult(
        String language,
        boolean pivot,
        int sentences,
        double score,
        WilsonInterval interval,
        double[] layerScores,
        List<WilsonInterval> layerIntervals,
        Double threshold,
        Double baseline,
        Verdict verdict,
        List<String> violations,
        Map<String, Double> estimatedScores) {

    /** Copies the collections so the record stays immutable. */
    public LanguageResult {
        layerScores = layerScores.clone();
        layerIntervals = List.copyOf(layerIntervals);
        violations = List.copyOf(violations);
        estimatedScores = Map.copyOf(estimatedScores);
    }

    /**
     * @param language the language code
     * @param pivot whether it is the pivot
     * @param sentences n
     * @param score pooled score
     * @param layerScores per-layer scores
     * @return an ungated result with Wilson intervals computed over n
     */
    public static LanguageResult ungated(String language, boolean pivot, int sentences, double score,
            double[] layerScores) {
        List<WilsonInterval> intervals = java.util.Arrays.stream(layerScores)
                .mapToObj(value -> WilsonInterval.of(value, sentences)).toList();
        return new LanguageResult(language, pivot, sentences, score, WilsonInterval.of(score, sentences),
                layerScores, intervals, null, null, Verdict.NOT_GATED, List.of(), Map.of());
    }

    /** @return the per-layer scores, as a copy */
    @Override
    public double[] layerScores() {
        return layerScores.clone();
    }

    /**
     * @param newThreshold the threshold applied
     * @param newBaseline the baseline score, or {@code null}
     * @param newVerdict the outcome
     * @param newViolations the violation messages
     * @return a copy with the gate's outcome
     */
    public LanguageResult withGate(Double newThreshold, Double newBaseline, Verdict newVerdict,
            List<String> newViolations) {
        return new LanguageResult(language, pivot, sentences, score, interval, layerScores, layerIntervals,
                newThreshold, newBaseline, newVerdict, newViolations, estimatedScores);
    }

    /**
     * @param estimates task name to estimated score
     * @return a copy with these estimated task scores
     */
    public LanguageResult withEstimatedScores(Map<String, Double> estimates) {
        return new LanguageResult(language, pivot, sentences, score, interval, layerScores, layerIntervals,
                threshold, baseline, verdict, violations, estimates);
    }
}
