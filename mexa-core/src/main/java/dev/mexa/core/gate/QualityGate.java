package dev.mexa.core.gate;

import dev.mexa.core.report.LanguageGate;
import dev.mexa.core.report.LanguageResult;
import dev.mexa.core.report.MexaReport;
import dev.mexa.core.report.Verdict;
import dev.mexa.core.report.ViolatedRule;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Applies {@link GateRules} to a report: the one place where thresholds and regressions are judged. */
public final class QualityGate {

    /**
     * Slack for comparing pooled scores (means of k/n) with configured values, so that a score of 0.3 computed as
     * 0.29999999999999993 meets a minimum of 0.3.
     */
    static final double TOLERANCE = 1e-9;

    private QualityGate() {
    }

    /**
     * Gates every non-pivot language: its own threshold, else {@code minScore}; and, when a baseline and
     * {@code maxDrop} are set and the baseline has the language, a drop of at most {@code maxDrop}. A language
     * without any rule stays {@link Verdict#NOT_GATED}; the pivot always does.
     *
     * @param report an evaluated report
     * @param rules the rules
     * @return the gated report (with each language's threshold, baseline, verdict, violations and violated rules),
     *     violation lines and summary
     * @throws dev.mexa.core.MexaConfigurationException for rules that cannot apply (a threshold for a language absent
     *     from the report, a baseline made with another pivot, embedding or pooling, a gated language scored on fewer
     *     than {@link GateRules#minSentences()} sentences)
     */
    public static GateResult check(MexaReport report, GateRules rules) {
        GateRulesValidation.validate(GatePlan.of(report), rules);
        Map<String, LanguageResult> judged = new LinkedHashMap<>();
        List<String> violations = new ArrayList<>();
        for (LanguageResult result : report.languages().values()) {
            LanguageResult outcome = judge(result, rules);
            judged.put(outcome.language(), outcome);
            violations.addAll(outcome.violations());
        }
        MexaReport gated = report.with(judged, List.of());
        return new GateResult(gated, violations, gated.gateSummary());
    }

    /**
     * Rejects rules that cannot apply, before any scoring, so that a build fails fast on its configuration.
     * {@link #check} does the same on the finished report.
     *
     * @param plan what will be scored and how
     * @param rules the rules
     * @throws dev.mexa.core.MexaConfigurationException as {@link #check} does for rules that cannot apply
     */
    public static void validate(GatePlan plan, GateRules rules) {
        GateRulesValidation.validate(plan, rules);
    }

    private static LanguageResult judge(LanguageResult result, GateRules rules) {
        if (result.pivot()) {
            return result.withGate(LanguageGate.NONE);
        }
        String language = result.language();
        double score = result.score();
        Double threshold = rules.thresholds().getOrDefault(language, rules.minScore());
        Double baseline = baselineScore(rules.baseline(), language);
        boolean regressionRule = baseline != null && rules.maxDrop() != null;
        List<String> violations = new ArrayList<>();
        Set<ViolatedRule> violated = EnumSet.noneOf(ViolatedRule.class);
        if (threshold != null && score < threshold - TOLERANCE) {
            violations.add(ViolationMessages.belowMinimum(language, score, threshold));
            violated.add(ViolatedRule.MINIMUM);
        }
        if (regressionRule && baseline - score > rules.maxDrop() + TOLERANCE) {
            violations.add(ViolationMessages.dropped(language, baseline, score, GateRulesValidation.baselineName(rules),
                    rules.maxDrop()));
            violated.add(ViolatedRule.MAX_DROP);
        }
        Verdict verdict;
        if (threshold == null && !regressionRule) {
            verdict = Verdict.NOT_GATED;
        } else {
            verdict = violations.isEmpty() ? Verdict.PASS : Verdict.FAIL;
        }
        return result.withGate(new LanguageGate(threshold, baseline, verdict, violations, violated));
    }

    static Double baselineScore(MexaReport baseline, String language) {
        if (baseline == null) {
            return null;
        }
        LanguageResult earlier = baseline.languages().get(language);
        return earlier == null || earlier.pivot() ? null : earlier.score();
    }
}
