package dev.mexa.core.gate;

import dev.mexa.core.MexaException;
import dev.mexa.core.score.LayerRange;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Rejects gate rules that cannot apply to a report, before anything is judged, with the parameter at fault named:
 * values outside [0, 1], thresholds for languages the report lacks or for the pivot, {@code maxDrop} without a
 * baseline, and a baseline made with another pivot, embedding, pooling or layer range.
 */
final class GateRulesValidation {

    private GateRulesValidation() {
    }

    static void validate(GatePlan plan, GateRules rules) {
        if (rules.minScore() != null) {
            Fraction.require(rules.minScore(), "minScore");
        }
        rules.thresholds().forEach((language, value) -> {
            Fraction.require(value, "thresholds " + language);
            requireGateable(plan, language);
        });
        if (rules.maxDrop() != null) {
            Fraction.require(rules.maxDrop(), "maxDrop");
            if (rules.baseline() == null) {
                throw new MexaException("maxDrop is set but baseline is not: set baseline to an earlier"
                        + " mexa-report.json, or remove maxDrop.");
            }
        }
        if (rules.baseline() != null) {
            requireComparable(plan, rules, baselineName(rules));
        }
    }

    static String baselineName(GateRules rules) {
        return rules.baselineName() == null ? "baseline report" : rules.baselineName();
    }

    private static void requireGateable(GatePlan plan, String language) {
        if (language.equals(plan.pivot())) {
            throw new MexaException("thresholds sets a minimum for " + language + ", the pivot, which is never gated"
                    + " (it scores 1.0 by definition): remove that threshold.");
        }
        if (!plan.languages().contains(language)) {
            throw new MexaException("thresholds sets a minimum for " + language + ", which is not among the scored"
                    + " languages (" + String.join(", ", plan.languages()) + "): remove that threshold,"
                    + " fix the language code, or add the language to the corpus and to languages.");
        }
    }

    private static void requireComparable(GatePlan plan, GateRules rules, String name) {
        GatePlan baseline = GatePlan.of(rules.baseline());
        List<String> differences = new ArrayList<>();
        compare("pivot", plan.pivot(), baseline.pivot(), differences);
        compare("embedding", plan.embedding(), baseline.embedding(), differences);
        compare("pooling", plan.pooling(), baseline.pooling(), differences);
        compare("layers", plan.layerRange(), canonicalLayers(baseline.layerRange()), differences);
        if (!differences.isEmpty()) {
            throw new MexaException("baseline " + name + " was made with another " + String.join(", ", differences)
                    + ": scores made differently cannot be compared; make a new baseline with these settings, or run"
                    + " with the baseline's.");
        }
    }

    /** Older reports wrote every layer as {@code 0-}; both spellings mean the same range. */
    private static String canonicalLayers(String layerRange) {
        return layerRange == null ? null : LayerRange.parse(layerRange).toString();
    }

    private static void compare(String setting, String current, String earlier, List<String> differences) {
        if (!Objects.equals(current, earlier)) {
            differences.add(setting + " (baseline: " + (earlier == null ? "not recorded" : earlier) + ", this run: "
                    + current + ")");
        }
    }
}
