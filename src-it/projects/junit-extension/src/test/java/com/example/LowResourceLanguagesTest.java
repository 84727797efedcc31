package com.example;

import dev.mexa.junit.MexaEvaluation;
import dev.mexa.junit.MinScore;
import org.junit.jupiter.api.Test;

@MexaEvaluation(embeddings = "target/example-embeddings", languages = {"deu_Latn", "fra_Latn", "swh_Latn"})
class LowResourceLanguagesTest {

    @Test
    @MinScore(language = "swh_Latn", value = 0.30)
    void coversSwahili() {
    }
}
