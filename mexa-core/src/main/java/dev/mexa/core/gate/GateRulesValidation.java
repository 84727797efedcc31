package dev.mexa.core.gate;

import dev.mexa.core.MexaException;
import dev.mexa.core.score.LayerRange;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Rejects gate rules that cannot apply to what is scored, before anything is embedded, with the setting at fault
 * named: thresholds for languages not scored or for the pivot, and a baseline made with another pivot, embedding,
 * pooling or layer range. Values are checked when {@link GateRules} are built.
 */
final class GateRulesValidation {

    private GateRulesValidation() {
    }

    static void validate(GatePlan plan, GateRules rules) {
        rules.thresholds().keySet().forEach(language -> requireGateable(plan, language));
        if (rules.baseline() != null) {
            requireComparable(plan, rules, baselineName(rules));
        }
    }

    static String baselineName(GateRules rules) {
        return rules.baselineName() == null ? "baseline report" : rules.baselineName();
    }

    private static void requireGateable(GatePlan plan, String language) {
        if (language.equals(plan.pivot())) {
            throw new MexaException("The " + GateRules.thresholdSetting(language) + " names the pivot, which is never"
                    + " gated (it scores 1.0 by definition): remove that threshold.");
        }
        if (!plan.languages().contains(language)) {
            throw new MexaException("The " + GateRules.thresholdSetting(language) + " names a language that is not"
                    + " among the scored languages (" + String.join(", ", plan.languages()) + "): fix the language"
                    + " code, or add the language to the input and to languages (mexa.languages).");
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
            throw new MexaException("baseline (mexa.baseline) " + name + " was made with another " + String.join(", ", differences)
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
