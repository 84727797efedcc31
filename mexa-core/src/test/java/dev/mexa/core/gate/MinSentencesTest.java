package dev.mexa.core.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mexa.core.MexaException;
import dev.mexa.core.report.MexaReport;
import dev.mexa.core.report.ReportFixture;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Issue 10, gates that cannot fail: a gate judged on too few sentences is an error unless lowered explicitly. */
class MinSentencesTest {

    private static MexaReport scoredOn(int sentences) {
        return ReportFixture.report().sentences(sentences).score("deu_Latn", 1.0).score("fra_Latn", 1.0).build();
    }

    @Test
    void oneSentenceCannotPassAMinimumOfPointNineNine() {
        GateRules rules = GateRules.builder().minScore(0.99).build();
        assertThatThrownBy(() -> QualityGate.check(scoredOn(1), rules)).isInstanceOf(MexaException.class)
                .hasMessage("Too few sentences to gate: deu_Latn (1), fra_Latn (1) scored on fewer than the 30"
                        + " sentences that minSentences (mexa.minSentences) requires. With n sentences a score's 95%"
                        + " interval is about +-1/sqrt(n) (+-1.00 here), too wide for a threshold to tell a good"
                        + " language from a poor one. Score more sentences (sentences, mexa.sentences; a longer"
                        + " corpus), or lower minSentences knowingly.");
    }

    @Test
    void theDefaultIsThirtyAndThirtySentencesGate() {
        assertThat(GateRules.none().minSentences()).isEqualTo(30);
        assertThatThrownBy(() -> QualityGate.check(scoredOn(29), GateRules.builder().minScore(0.5).build()))
                .hasMessageContaining("(+-0.19 here)");
        assertThat(QualityGate.check(scoredOn(30), GateRules.builder().minScore(0.5).build()).passed()).isTrue();
    }

    @Test
    void onlyGatedLanguagesAreCounted() {
        GateRules onlyGerman = GateRules.builder().thresholds(Map.of("deu_Latn", 0.5)).build();
        assertThatThrownBy(() -> QualityGate.check(scoredOn(4), onlyGerman))
                .hasMessageStartingWith("Too few sentences to gate: deu_Latn (4) scored");
        assertThat(QualityGate.check(scoredOn(1), GateRules.none()).passed()).isTrue();
    }

    @Test
    void aRegressionRuleCountsToo() {
        GateRules regression = GateRules.builder().baseline(scoredOn(100), "mexa-baseline.json").maxDrop(0.05).build();
        assertThatThrownBy(() -> QualityGate.check(scoredOn(5), regression))
                .hasMessageStartingWith("Too few sentences to gate: deu_Latn (5), fra_Latn (5)");
    }

    @Test
    void aMinimumLoweredExplicitlyGates() {
        GateRules lowered = GateRules.builder().minScore(0.99).minSentences(1).build();
        assertThat(QualityGate.check(scoredOn(1), lowered).passed()).isTrue();
        assertThat(GateRules.builder().minScore(0.5).build().withMinSentences(4).minSentences()).isEqualTo(4);
    }

    @Test
    void aMinimumBelowOneIsAConfigurationError() {
        assertThatThrownBy(() -> GateRules.builder().minSentences(0).build()).isInstanceOf(MexaException.class)
                .hasMessage("Invalid minSentences (mexa.minSentences) 0: it must be at least 1 (the default is 30).");
    }
}
