package com.example;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mexa.junit.MexaAssertions;
import dev.mexa.junit.MexaEvaluation;
import dev.mexa.junit.MexaScores;
import dev.mexa.junit.MinScore;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

@MexaEvaluation(embeddings = "target/example-embeddings", languages = {"deu_Latn", "fra_Latn", "swh_Latn"})
class AlignedLanguagesTest {

    @Test
    @MinScore(language = "deu_Latn", value = 0.70)
    @MinScore(language = "fra_Latn", value = 0.50)
    void coversEuropeanLanguages() {
    }

    @Test
    void reportIsInjected(MexaScores report) {
        assertTrue(report.score("fra_Latn") > 0.5);
        MexaAssertions.assertThat(report).hasMinScore("deu_Latn", 0.7);
    }

    @TestFactory
    Stream<DynamicTest> everyLanguage(MexaScores report) {
        return report.dynamicTests(0.05);
    }
}
