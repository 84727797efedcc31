package dev.mexa.core.gate;

import dev.mexa.core.report.MexaReport;
import java.util.Map;

/**
 * The rules of the quality gate: a default minimum score for every scored language, per-language thresholds that
 * override it, and an optional baseline report with the largest drop allowed against it.
 *
 * @param minScore minimum score for every non-pivot language without its own threshold, or {@code null}
 * @param thresholds language code to minimum score, in [0, 1]
 * @param baseline an earlier report to compare with, or {@code null}
 * @param baselineName how to name the baseline in messages (its file name), or {@code null}
 * @param maxDrop the largest allowed fall below the baseline score, or {@code null} for no regression rule
 */
public record GateRules(Double minScore, Map<String, Double> thresholds, MexaReport baseline, String baselineName,
        Double maxDrop) {

    /** Copies the thresholds. */
    public GateRules {
        thresholds = Map.copyOf(thresholds);
    }

    /** @return rules that check nothing */
    public static GateRules none() {
        return new GateRules(null, Map.of(), null, null, null);
    }
}
