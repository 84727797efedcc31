package dev.mexa.core.report;

import java.util.Optional;

/**
 * How one language's score moved against the baseline report, as the comparison view of the HTML report shows it:
 * the gate's regressions (a drop beyond {@code maxDrop}, as the gate recorded it: {@link ViolatedRule#MAX_DROP}) apart
 * from smaller drops, gains and unchanged scores.
 *
 * @param result the language's gated result, with its baseline score
 * @param delta the current score minus the baseline score
 * @param kind what the change is
 */
public record BaselineChange(LanguageResult result, double delta, Kind kind) {

    /** Score differences within this are float rounding of k/n means, not a change. */
    private static final double UNCHANGED = 1e-9;

    /** What a change is, in the order the comparison view's key lists them. */
    public enum Kind {
        /** A drop the gate failed: more than {@code maxDrop} below the baseline. */
        REGRESSION("regression", "REGRESSION"),
        /** A drop the gate allowed, or no {@code maxDrop} was set. */
        DROP("drop", "drop"),
        /** The score rose. */
        GAIN("gain", "gain"),
        /** The same score as the baseline. */
        UNCHANGED("unchanged", "unchanged");

        private final String cssClass;
        private final String text;

        Kind(String cssClass, String text) {
            this.cssClass = cssClass;
            this.text = text;
        }

        /** @return the style class of the language's row in the comparison view */
        public String cssClass() {
            return cssClass;
        }

        /** @return the word shown beside the delta */
        public String text() {
            return text;
        }
    }

    /**
     * @param result a language's result
     * @return its change against the baseline; empty for the pivot and for a language the baseline lacks
     */
    public static Optional<BaselineChange> of(LanguageResult result) {
        if (result.pivot() || result.baseline() == null) {
            return Optional.empty();
        }
        double delta = result.score() - result.baseline();
        Kind kind;
        if (result.gate().violated(ViolatedRule.MAX_DROP)) {
            kind = Kind.REGRESSION;
        } else if (delta < -UNCHANGED) {
            kind = Kind.DROP;
        } else {
            kind = delta > UNCHANGED ? Kind.GAIN : Kind.UNCHANGED;
        }
        return Optional.of(new BaselineChange(result, delta, kind));
    }
}
