package dev.mexa.core.gate;

import dev.mexa.core.MexaException;
import dev.mexa.core.report.MexaReport;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The rules of the quality gate: a default minimum score for every scored language, per-language thresholds that
 * override it, and an optional baseline report with the largest drop allowed against it. Built by name
 * ({@link #builder()}); every value is checked when the rules are built: each in [0, 1], {@code maxDrop} only with a
 * baseline. Rules that depend on what is scored (a threshold for the pivot or for a language not scored, a baseline
 * made differently) are checked against a {@link GatePlan} by {@link QualityGate#validate}.
 */
public final class GateRules {

    /**
     * The fewest sentences a gated score may rest on unless the user lowers it: with n sentences a score's 95%
     * interval is about +-1/sqrt(n) (+-0.18 at 30, +-0.10 at 100), so with fewer than 30 a threshold cannot tell a
     * good language from a poor one, and with one sentence every language scores 1.0 and every gate passes.
     */
    public static final int DEFAULT_MIN_SENTENCES = 30;
    /** How messages name the minimum, as the plugin and the extension spell it. */
    static final String MIN_SENTENCES_SETTING = "minSentences (mexa.minSentences)";

    private static final GateRules NONE = builder().build();

    private final Double minScore;
    private final Map<String, Double> thresholds;
    private final Map<String, String> thresholdSettings;
    private final MexaReport baseline;
    private final String baselineName;
    private final Double maxDrop;
    private final int minSentences;

    private GateRules(Builder builder) {
        this.minScore = builder.minScore == null ? null
                : Fraction.require(builder.minScore, "minScore (mexa.minScore)");
        this.thresholdSettings = Map.copyOf(builder.thresholdSettings);
        builder.thresholds.forEach((language, value) -> Fraction.require(value, thresholdSetting(language)));
        this.thresholds = Map.copyOf(builder.thresholds);
        this.baseline = builder.baseline;
        this.baselineName = builder.baselineName;
        this.maxDrop = builder.maxDrop == null ? null : Fraction.require(builder.maxDrop, "maxDrop (mexa.maxDrop)");
        if (maxDrop != null && baseline == null) {
            throw new MexaException("maxDrop (mexa.maxDrop) is set but baseline (mexa.baseline) is not: set baseline"
                    + " to an earlier mexa-report.json, or remove maxDrop.");
        }
        if (builder.minSentences < 1) {
            throw new MexaException("Invalid " + MIN_SENTENCES_SETTING + " " + builder.minSentences + ": it must be at"
                    + " least 1 (the default is " + DEFAULT_MIN_SENTENCES + ").");
        }
        this.minSentences = builder.minSentences;
    }

    /** @return a builder of rules that check nothing until told otherwise */
    public static Builder builder() {
        return new Builder();
    }

    /** @return rules that check nothing */
    public static GateRules none() {
        return NONE;
    }

    /**
     * @param language a language code with a threshold
     * @return how messages name the minimum of that language: where it was set ({@link Builder#threshold(String,
     *     double, String)}), by default as the plugin ({@code thresholds}) and the extension ({@code @MinScore})
     *     spell it
     */
    String thresholdSetting(String language) {
        return "minimum for " + language + " ("
                + thresholdSettings.getOrDefault(language, "thresholds, mexa.thresholds, @MinScore") + ")";
    }

    /** @return minimum score for every non-pivot language without its own threshold, or {@code null} */
    public Double minScore() {
        return minScore;
    }

    /** @return language code to minimum score, each in [0, 1] */
    public Map<String, Double> thresholds() {
        return thresholds;
    }

    /** @return an earlier report to compare with, or {@code null} */
    public MexaReport baseline() {
        return baseline;
    }

    /** @return how to name the baseline in messages (its file name), or {@code null} */
    public String baselineName() {
        return baselineName;
    }

    /** @return the largest allowed fall below the baseline score, or {@code null} for no regression rule */
    public Double maxDrop() {
        return maxDrop;
    }

    /**
     * @return the fewest sentences a language must be scored on for a rule to judge it; fewer is an error, not a
     *     pass or a fail
     */
    public int minSentences() {
        return minSentences;
    }

    /**
     * @param minimum the fewest sentences a gated score may rest on
     * @return these rules with that minimum
     * @throws MexaException naming {@code minSentences} when the minimum is below 1
     */
    public GateRules withMinSentences(int minimum) {
        return copy(thresholds).minSentences(minimum).build();
    }

    /**
     * @param languages languages whose thresholds are judged elsewhere (by the runs of other shards)
     * @return these rules without the thresholds of those languages
     */
    public GateRules withoutThresholds(Collection<String> languages) {
        Map<String, Double> kept = new LinkedHashMap<>(thresholds);
        kept.keySet().removeAll(languages);
        return copy(kept).build();
    }

    private Builder copy(Map<String, Double> minimums) {
        Builder copy = builder().minScore(minScore).thresholds(minimums).maxDrop(maxDrop).minSentences(minSentences);
        copy.thresholdSettings.putAll(thresholdSettings);
        copy.thresholdSettings.keySet().retainAll(minimums.keySet());
        copy.baseline = baseline;
        copy.baselineName = baselineName;
        return copy;
    }

    /** @return whether no rule is set */
    public boolean isEmpty() {
        return minScore == null && thresholds.isEmpty() && baseline == null;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof GateRules rules && Objects.equals(minScore, rules.minScore)
                && thresholds.equals(rules.thresholds) && thresholdSettings.equals(rules.thresholdSettings)
                && Objects.equals(baseline, rules.baseline)
                && Objects.equals(baselineName, rules.baselineName) && Objects.equals(maxDrop, rules.maxDrop)
                && minSentences == rules.minSentences;
    }

    @Override
    public int hashCode() {
        return Objects.hash(minScore, thresholds, thresholdSettings, baseline, baselineName, maxDrop, minSentences);
    }

    @Override
    public String toString() {
        return "GateRules[minScore=" + minScore + ", thresholds=" + thresholds + ", baseline=" + baselineName
                + ", maxDrop=" + maxDrop + ", minSentences=" + minSentences + "]";
    }

    /** Sets the rules by name; {@link #build()} checks them. */
    public static final class Builder {

        private Double minScore;
        private final Map<String, Double> thresholds = new LinkedHashMap<>();
        private final Map<String, String> thresholdSettings = new LinkedHashMap<>();
        private MexaReport baseline;
        private String baselineName;
        private Double maxDrop;
        private int minSentences = DEFAULT_MIN_SENTENCES;

        private Builder() {
        }

        /**
         * @param minimum the fewest sentences a gated score may rest on, {@link #DEFAULT_MIN_SENTENCES} unless set
         * @return this builder
         */
        public Builder minSentences(int minimum) {
            this.minSentences = minimum;
            return this;
        }

        /**
         * @param minimum the minimum of every non-pivot language without its own threshold; null for none
         * @return this builder
         */
        public Builder minScore(Double minimum) {
            this.minScore = minimum;
            return this;
        }

        /**
         * @param language a language code
         * @param minimum its minimum score, overriding {@link #minScore}
         * @return this builder
         */
        public Builder threshold(String language, double minimum) {
            thresholds.put(language, minimum);
            thresholdSettings.remove(language);
            return this;
        }

        /**
         * @param language a language code
         * @param minimum its minimum score, overriding {@link #minScore}
         * @param setting where the minimum was set, named in messages about it, e.g. an annotation on a test
         * @return this builder
         */
        public Builder threshold(String language, double minimum, String setting) {
            thresholds.put(language, minimum);
            thresholdSettings.put(language, setting);
            return this;
        }

        /**
         * @param minimums language code to minimum score, added to those set so far
         * @return this builder
         */
        public Builder thresholds(Map<String, Double> minimums) {
            minimums.forEach(this::threshold);
            return this;
        }

        /**
         * @param report an earlier report to compare with
         * @param name how messages name it (its file name)
         * @return this builder
         */
        public Builder baseline(MexaReport report, String name) {
            this.baseline = report;
            this.baselineName = name;
            return this;
        }

        /**
         * @param drop the largest allowed fall below the baseline score; null for no regression rule
         * @return this builder
         */
        public Builder maxDrop(Double drop) {
            this.maxDrop = drop;
            return this;
        }

        /**
         * @return the rules
         * @throws MexaException naming the setting for a value outside [0, 1], {@code maxDrop} without a baseline or
         *     {@code minSentences} below 1
         */
        public GateRules build() {
            return new GateRules(this);
        }
    }
}
