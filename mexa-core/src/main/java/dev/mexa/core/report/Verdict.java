package dev.mexa.core.report;

/** Outcome of the quality gate for one language. */
public enum Verdict {
    /** Every rule for the language holds. */
    PASS,
    /** At least one rule for the language is violated. */
    FAIL,
    /** No rule applies to the language (no threshold and no baseline, or the pivot itself). */
    NOT_GATED
}
