package dev.mexa.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mexa.core.MexaException;
import dev.mexa.core.report.ReportFixture;
import org.junit.jupiter.api.Test;

/** {@link MexaAssertions} and {@link MexaScores} on a report built by hand. */
class MexaAssertionsTest {

    private final MexaScores report = new MexaScores(ReportFixture.report().sentences(40).layers(2)
            .score("deu_Latn", 0.85, 0.8, 0.9).score("swh_Latn", 0.2, 0.1, 0.3).build());

    @Test
    void minimumMet() {
        MexaAssertions.assertThat(report).hasMinScore("deu_Latn", 0.8).hasMinScore("swh_Latn", 0.2);
        MexaAssertions.assertThat(report.core()).hasMinScore("deu_Latn", 0.85);
    }

    @Test
    void minimumMissedFailsWithTheGateLines() {
        assertThatThrownBy(() -> MexaAssertions.assertThat(report).hasMinScore("swh_Latn", 0.3))
                .isInstanceOf(AssertionError.class)
                .hasMessage("""
                        Rule violated for language swh_Latn: MEXA score is 0.20, but expected minimum is 0.30
                        MEXA checks have not been met (1 of 1 language)""");
    }

    @Test
    void aRuleThatCannotApplyFailsTheAssertionWithTheGatesMessage() {
        assertThatThrownBy(() -> MexaAssertions.assertThat(report).hasMinScore("xho_Latn", 0.3))
                .isInstanceOf(AssertionError.class)
                .hasMessageStartingWith("The minimum for xho_Latn (thresholds, mexa.thresholds, @MinScore) names a"
                        + " language that is not among the scored languages (deu_Latn, eng_Latn, swh_Latn)");
    }

    /** Issue 10: an assertion on too few sentences fails instead of passing by chance. */
    @Test
    void tooFewSentencesFailTheAssertion() {
        MexaScores tiny = new MexaScores(ReportFixture.report().sentences(1).score("deu_Latn", 1.0).build());
        assertThatThrownBy(() -> MexaAssertions.assertThat(tiny).hasMinScore("deu_Latn", 0.99))
                .isInstanceOf(AssertionError.class)
                .hasMessageStartingWith("Too few sentences to gate: deu_Latn (1) scored on fewer than the 30");
    }

    @Test
    void minimumOutsideZeroToOne() {
        assertThatThrownBy(() -> MexaAssertions.assertThat(report).hasMinScore("deu_Latn", 85))
                .isInstanceOf(MexaException.class).hasMessageStartingWith("Invalid minimum for deu_Latn");
        assertThatThrownBy(() -> report.dynamicTests(-0.1)).isInstanceOf(MexaException.class);
    }

    @Test
    void nullReport() {
        assertThatThrownBy(() -> MexaAssertions.assertThat((MexaScores) null).hasMinScore("deu_Latn", 0.5))
                .isInstanceOf(AssertionError.class).hasMessageContaining("Expecting actual not to be null");
    }

    @Test
    void reportAccessors() {
        assertThat(report.languages()).containsExactly("deu_Latn", "swh_Latn");
        assertThat(report.pivot()).isEqualTo("eng_Latn");
        assertThat(report.score("deu_Latn")).isEqualTo(0.85);
        assertThat(report.result("swh_Latn").layerScores()).containsExactly(0.1, 0.3);
        assertThat(report.dynamicTests(0.5)).extracting(test -> test.getDisplayName())
                .containsExactly("deu_Latn scores at least 0.50", "swh_Latn scores at least 0.50");
    }
}
