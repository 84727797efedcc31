package dev.mexa.core.report;

import java.util.List;
import java.util.Set;

/**
 * What the gate judged of one language: the rules it applied, its verdict, and each violated rule with its line.
 *
 * @param threshold the minimum score the gate required, or {@code null}
 * @param baseline the score of the same language in the baseline report, or {@code null}
 * @param verdict the gate's outcome
 * @param violations one line per violated rule, empty when none
 * @param violatedRules the rules violated, empty when none (and for a report recorded before they were)
 */
public record LanguageGate(Double threshold, Double baseline, Verdict verdict, List<String> violations,
        Set<ViolatedRule> violatedRules) {

    /** Not gated: no rule applied. */
    public static final LanguageGate NONE = new LanguageGate(null, null, Verdict.NOT_GATED, List.of(), Set.of());

    /** Copies the collections so the record stays immutable. */
    public LanguageGate {
        violations = List.copyOf(violations);
        violatedRules = Set.copyOf(violatedRules);
    }

    /**
     * @param rule a rule
     * @return whether the language violated it
     */
    public boolean violated(ViolatedRule rule) {
        return violatedRules.contains(rule);
    }
}
