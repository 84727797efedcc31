package dev.mexa.core.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mexa.core.MexaException;
import dev.mexa.core.report.LanguageResult;
import dev.mexa.core.report.MexaReport;
import dev.mexa.core.report.Verdict;
import java.util.Map;
import org.junit.jupiter.api.Test;

class QualityGateTest {

    private static final MexaReport REPORT = Reports.of("deu_Latn", 0.93, "fra_Latn", 0.74, "swh_Latn", 0.21);

    private static GateRules minimum(Double minScore, Map<String, Double> thresholds) {
        return GateRules.builder().minScore(minScore).thresholds(thresholds).build();
    }

    private static GateRules regression(MexaReport baseline, double maxDrop) {
        return GateRules.builder().baseline(baseline, "mexa-baseline.json").maxDrop(maxDrop).build();
    }

    @Test
    void passesWhenEveryLanguageMeetsMinScore() {
        GateResult result = QualityGate.check(REPORT, minimum(0.2, Map.of()));

        assertThat(result.passed()).isTrue();
        assertThat(result.violations()).isEmpty();
        assertThat(result.summary()).isEqualTo("All MEXA checks have been met (3 languages)");
        assertThat(result.report().gated()).extracting(LanguageResult::language)
                .containsExactly("deu_Latn", "fra_Latn", "swh_Latn");
        assertThat(result.report().result("deu_Latn").threshold()).isEqualTo(0.2);
        assertThat(result.report().result("deu_Latn").verdict()).isEqualTo(Verdict.PASS);
    }

    @Test
    void failsBelowMinScoreWithTheExactViolationLine() {
        GateResult result = QualityGate.check(REPORT, minimum(0.3, Map.of()));

        assertThat(result.passed()).isFalse();
        assertThat(result.violations()).containsExactly(
                "Rule violated for language swh_Latn: MEXA score is 0.21, but expected minimum is 0.30");
        assertThat(result.summary()).isEqualTo("MEXA checks have not been met (1 of 3 languages)");
        LanguageResult swahili = result.report().result("swh_Latn");
        assertThat(swahili.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(swahili.violations()).containsExactlyElementsOf(result.violations());
        assertThat(result.report().failures()).containsExactly(swahili);
    }

    @Test
    void perLanguageThresholdsOverrideMinScore() {
        GateResult result = QualityGate.check(REPORT, minimum(0.5, Map.of("deu_Latn", 0.95, "swh_Latn", 0.2)));

        assertThat(result.violations()).containsExactly(
                "Rule violated for language deu_Latn: MEXA score is 0.93, but expected minimum is 0.95");
        assertThat(result.report().result("deu_Latn").threshold()).isEqualTo(0.95);
        assertThat(result.report().result("fra_Latn").threshold()).isEqualTo(0.5);
        assertThat(result.report().result("swh_Latn").threshold()).isEqualTo(0.2);
        assertThat(result.summary()).isEqualTo("MEXA checks have not been met (1 of 3 languages)");
    }

    @Test
    void withoutMinScoreOnlyLanguagesWithThresholdsAreGated() {
        GateResult result = QualityGate.check(REPORT, minimum(null, Map.of("swh_Latn", 0.3)));

        assertThat(result.report().result("deu_Latn").verdict()).isEqualTo(Verdict.NOT_GATED);
        assertThat(result.report().result("deu_Latn").threshold()).isNull();
        assertThat(result.summary()).isEqualTo("MEXA checks have not been met (1 of 1 language)");
    }

    @Test
    void thePivotIsNeverGated() {
        GateResult result = QualityGate.check(REPORT, minimum(1.0, Map.of()));

        LanguageResult pivot = result.report().result("eng_Latn");
        assertThat(pivot.verdict()).isEqualTo(Verdict.NOT_GATED);
        assertThat(pivot.threshold()).isNull();
        assertThat(result.summary()).isEqualTo("MEXA checks have not been met (3 of 3 languages)");
    }

    @Test
    void aScoreEqualToItsThresholdPassesDespiteRounding() {
        MexaReport report = Reports.of("deu_Latn", Math.nextDown(0.3));

        assertThat(QualityGate.check(report, minimum(0.3, Map.of())).passed()).isTrue();
    }

    @Test
    void showsMoreDecimalsWhenTwoWouldHideTheViolation() {
        GateResult result = QualityGate.check(Reports.of("swh_Latn", 0.298), minimum(0.3, Map.of()));

        assertThat(result.violations()).containsExactly(
                "Rule violated for language swh_Latn: MEXA score is 0.298, but expected minimum is 0.300");
    }

    @Test
    void noRulesGateNothing() {
        GateResult result = QualityGate.check(REPORT, GateRules.none());

        assertThat(result.passed()).isTrue();
        assertThat(result.report().gated()).isEmpty();
        assertThat(result.summary()).isEqualTo("No MEXA checks configured");
    }

    @Test
    void failsARegressionBeyondMaxDropWithTheExactViolationLine() {
        MexaReport baseline = Reports.of("deu_Latn", 0.95, "fra_Latn", 0.74, "swh_Latn", 0.20);
        MexaReport current = Reports.of("deu_Latn", 0.93, "fra_Latn", 0.61, "swh_Latn", 0.21);

        GateResult result = QualityGate.check(current, regression(baseline, 0.05));

        assertThat(result.violations()).containsExactly("Rule violated for language fra_Latn: MEXA score dropped"
                + " from 0.74 to 0.61 (baseline mexa-baseline.json), more than 0.05");
        assertThat(result.report().result("fra_Latn").baseline()).isEqualTo(0.74);
        assertThat(result.report().result("deu_Latn").verdict()).isEqualTo(Verdict.PASS);
        assertThat(result.summary()).isEqualTo("MEXA checks have not been met (1 of 3 languages)");
    }

    @Test
    void aDropOfExactlyMaxDropPasses() {
        MexaReport baseline = Reports.of("fra_Latn", 0.74);

        assertThat(QualityGate.check(Reports.of("fra_Latn", 0.69), regression(baseline, 0.05)).passed()).isTrue();
    }

    @Test
    void showsMoreDecimalsWhenTwoWouldHideTheDrop() {
        GateResult result = QualityGate.check(Reports.of("fra_Latn", 0.6899), regression(Reports.of("fra_Latn",
                0.74), 0.05));

        assertThat(result.violations()).containsExactly("Rule violated for language fra_Latn: MEXA score dropped"
                + " from 0.7400 to 0.6899 (baseline mexa-baseline.json), more than 0.0500");
    }

    @Test
    void aLanguageMissingFromTheBaselineHasNoRegressionRule() {
        GateResult result = QualityGate.check(REPORT, regression(Reports.of("deu_Latn", 0.99), 0.01));

        assertThat(result.violations()).containsExactly("Rule violated for language deu_Latn: MEXA score dropped"
                + " from 0.99 to 0.93 (baseline mexa-baseline.json), more than 0.01");
        assertThat(result.report().result("swh_Latn").baseline()).isNull();
        assertThat(result.report().result("swh_Latn").verdict()).isEqualTo(Verdict.NOT_GATED);
        assertThat(result.summary()).isEqualTo("MEXA checks have not been met (1 of 1 language)");
    }

    @Test
    void reportsBothViolationsOfOneLanguageAndCountsItOnce() {
        GateRules rules = GateRules.builder().minScore(0.5)
                .baseline(Reports.of("swh_Latn", 0.40), "mexa-baseline.json").maxDrop(0.05).build();

        GateResult result = QualityGate.check(REPORT, rules);

        assertThat(result.violations()).containsExactly(
                "Rule violated for language swh_Latn: MEXA score is 0.21, but expected minimum is 0.50",
                "Rule violated for language swh_Latn: MEXA score dropped from 0.40 to 0.21 (baseline"
                        + " mexa-baseline.json), more than 0.05");
        assertThat(result.summary()).isEqualTo("MEXA checks have not been met (1 of 3 languages)");
    }

    @Test
    void aBaselineWithoutMaxDropIsRecordedButNotJudged() {
        GateRules rules = GateRules.builder().baseline(Reports.of("swh_Latn", 0.9), "old.json").build();

        GateResult result = QualityGate.check(REPORT, rules);

        assertThat(result.passed()).isTrue();
        assertThat(result.report().result("swh_Latn").baseline()).isEqualTo(0.9);
        assertThat(result.report().result("swh_Latn").verdict()).isEqualTo(Verdict.NOT_GATED);
    }

    @Test
    void rejectsMaxDropWithoutABaseline() {
        assertThatThrownBy(() -> GateRules.builder().maxDrop(0.05).build())
                .hasMessage("maxDrop (mexa.maxDrop) is set but baseline (mexa.baseline) is not: set baseline to an"
                        + " earlier mexa-report.json, or remove maxDrop.");
    }

    @Test
    void rejectsABaselineMadeWithOtherSettingsSayingWhichDiffer() {
        MexaReport maxPooled = Reports.made("eng_Latn", "weighted-average", "max", "deu_Latn", 0.9);
        assertThatThrownBy(() -> QualityGate.check(REPORT, regression(maxPooled, 0.05)))
                .isInstanceOf(MexaException.class)
                .hasMessage("baseline (mexa.baseline) mexa-baseline.json was made with another pooling (baseline: max,"
                        + " this run:"
                        + " mean): scores made differently cannot be compared; make a new baseline with these"
                        + " settings, or run with the baseline's.");

        MexaReport other = Reports.made("fra_Latn", "last-token", "mean", "deu_Latn", 0.9);
        assertThatThrownBy(() -> QualityGate.check(REPORT, regression(other, 0.05)))
                .hasMessageStartingWith("baseline (mexa.baseline) mexa-baseline.json was made with another pivot (baseline:"
                        + " fra_Latn, this run: eng_Latn), embedding (baseline: last-token, this run:"
                        + " weighted-average):");
    }
}
