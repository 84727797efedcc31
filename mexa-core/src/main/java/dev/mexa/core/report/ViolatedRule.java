package dev.mexa.core.report;

import java.util.Arrays;
import java.util.Optional;

/**
 * A rule of the gate that a language can violate, recorded per language in the report beside the violation lines
 * (as {@code violatedRules} in {@code mexa-report.json}), so that readers such as the HTML report's comparison view
 * tell a regression from a threshold failure by data, not by the wording of a line.
 */
public enum ViolatedRule {
    /** The score fell below the minimum: the language's threshold, else {@code minScore}. */
    MINIMUM("minimum"),
    /** The score dropped more than {@code maxDrop} below the baseline's. */
    MAX_DROP("maxDrop");

    private final String id;

    ViolatedRule(String id) {
        this.id = id;
    }

    /** @return the id the report records, {@code minimum} or {@code maxDrop} */
    public String id() {
        return id;
    }

    /**
     * @param id an id as the report records it
     * @return the rule, or empty for an unknown id
     */
    public static Optional<ViolatedRule> of(String id) {
        return Arrays.stream(values()).filter(rule -> rule.id.equals(id)).findFirst();
    }
}
