package dev.mexa.core.report;

import dev.mexa.core.score.WilsonInterval;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Everything the report holds for one language: its pooled and per-layer scores with their 95% Wilson intervals,
 * and, once a gate has run, what the gate judged of it. Built {@link #ungated} from scores, then
 * {@link #withGate gated} and given {@link #withEstimatedScores estimated task scores}.
 *
 * @param language the FLORES-style code, e.g. {@code deu_Latn}
 * @param pivot whether this is the pivot language (scored 1.0 by definition, never gated)
 * @param sentences n, the number of sentence pairs scored
 * @param score the pooled MEXA score
 * @param interval the 95% Wilson interval of the pooled score over n
 * @param layerScores the score of each hidden state (index 0 = embedding output)
 * @param layerIntervals the 95% Wilson interval of each layer score
 * @param gate the gate's threshold, baseline, verdict and violations; {@link LanguageGate#NONE} before it runs
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
        LanguageGate gate,
        Map<String, Double> estimatedScores) {

    /** Copies the collections so the record stays immutable. */
    public LanguageResult {
        layerScores = layerScores.clone();
        layerIntervals = List.copyOf(layerIntervals);
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
        List<WilsonInterval> intervals = Arrays.stream(layerScores)
                .mapToObj(value -> WilsonInterval.of(value, sentences)).toList();
        return new LanguageResult(language, pivot, sentences, score, WilsonInterval.of(score, sentences),
                layerScores, intervals, LanguageGate.NONE, Map.of());
    }

    /** @return the per-layer scores, as a copy */
    @Override
    public double[] layerScores() {
        return layerScores.clone();
    }

    /** @return the minimum score the gate required, or {@code null} */
    public Double threshold() {
        return gate.threshold();
    }

    /** @return the score of the same language in the baseline report, or {@code null} */
    public Double baseline() {
        return gate.baseline();
    }

    /** @return the gate's outcome */
    public Verdict verdict() {
        return gate.verdict();
    }

    /** @return one message per violated rule, empty when none */
    public List<String> violations() {
        return gate.violations();
    }

    /**
     * @param judged what the gate judged of this language
     * @return a copy with the gate's outcome
     */
    public LanguageResult withGate(LanguageGate judged) {
        return new LanguageResult(language, pivot, sentences, score, interval, layerScores, layerIntervals, judged,
                estimatedScores);
    }

    /**
     * @param estimates task name to estimated score
     * @return a copy with these estimated task scores
     */
    public LanguageResult withEstimatedScores(Map<String, Double> estimates) {
        return new LanguageResult(language, pivot, sentences, score, interval, layerScores, layerIntervals, gate,
                estimates);
    }
}
