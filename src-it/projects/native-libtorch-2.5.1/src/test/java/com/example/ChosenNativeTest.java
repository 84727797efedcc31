package com.example;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.engine.Engine;
import dev.mexa.junit.MexaEvaluation;
import dev.mexa.junit.MexaScores;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

@MexaEvaluation(model = "../../examples/model", corpus = "../../examples/corpus", sentences = 40, device = "cpu",
        languages = {"deu_Latn", "wol_Latn"}, failIfMissing = true)
class ChosenNativeTest {

    @Test
    void runsOnTheChosenLibtorch(MexaScores report) {
        String version = Engine.getEngine("PyTorch").getVersion();
        assertEquals(System.getProperty("expected.pytorch.version"), version);
        System.out.println("Extension on PyTorch " + version + ": deu_Latn "
                + Arrays.toString(report.result("deu_Latn").layerScores()) + ", wol_Latn "
                + Arrays.toString(report.result("wol_Latn").layerScores()));
    }
}
