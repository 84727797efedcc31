package dev.mexa.core.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mexa.core.MexaException;
import dev.mexa.core.report.ReportJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GateConfigurationTest {

    @TempDir
    Path directory;

    @Test
    void readsMinScoreMaxDropAndTheBaseline() throws IOException {
        Path baseline = directory.resolve("mexa-baseline.json");
        Files.writeString(baseline, ReportJson.toJson(Reports.of("deu_Latn", 0.9)));

        GateRules rules = GateConfiguration.rules("50%", Map.of("deu_Latn", 0.85), baseline, " 0.05 ");

        assertThat(rules.minScore()).isEqualTo(0.5);
        assertThat(rules.thresholds()).containsExactly(Map.entry("deu_Latn", 0.85));
        assertThat(rules.baseline().score("deu_Latn")).isEqualTo(0.9);
        assertThat(rules.baselineName()).isEqualTo("mexa-baseline.json");
        assertThat(rules.maxDrop()).isEqualTo(0.05);
    }

    @Test
    void blankSettingsMeanNoRule() {
        GateRules rules = GateConfiguration.rules(" ", Map.of(), null, null);

        assertThat(rules).isEqualTo(GateRules.none());
    }

    @Test
    void namesTheBaselineParameterWhenTheFileIsNotAReport() throws IOException {
        Path notAReport = directory.resolve("pom.json");
        Files.writeString(notAReport, "{\"name\": \"x\"}");

        assertThatThrownBy(() -> GateConfiguration.rules(null, Map.of(), notAReport, null))
                .isInstanceOf(MexaException.class)
                .hasMessage("Invalid baseline (mexa.baseline): " + notAReport + " is not a MEXA report: it lacks the marker \"format\":"
                        + " \"mexa-report/1\". Point at a mexa-report.json written by mexa:evaluate.");
        assertThatThrownBy(() -> GateConfiguration.rules(null, Map.of(), directory.resolve("missing.json"), null))
                .hasMessageStartingWith("Invalid baseline (mexa.baseline): MEXA report ");
    }

    @Test
    void namesMinScoreAndMaxDrop() {
        assertThatThrownBy(() -> GateConfiguration.rules("2", Map.of(), null, null))
                .hasMessageStartingWith("Invalid minScore (mexa.minScore) '2'");
        assertThatThrownBy(() -> GateConfiguration.rules(null, Map.of(), null, "lots"))
                .hasMessageStartingWith("Invalid maxDrop (mexa.maxDrop) 'lots'");
    }

    @Test
    void mergesTheMapAndListFormsWithTheListWinning() {
        Map<String, Double> merged = LanguageValues.merge(Map.of("deu_Latn", "0.8", "fra_Latn", "0.7"), "thresholds",
                "deu_Latn:90%", "mexa.thresholds");

        assertThat(merged).containsOnly(Map.entry("deu_Latn", 0.9), Map.entry("fra_Latn", 0.7));
    }

    @Test
    void validatesAPlanBeforeAnythingIsScored() {
        GatePlan plan = GatePlan.of("eng_Latn", Map.of("eng_Latn", 100, "deu_Latn", 100), "weighted-average", "mean",
                "all");
        GateRules absent = GateRules.builder().threshold("wol_Latn", 0.2).build();

        assertThatThrownBy(() -> QualityGate.validate(plan, absent))
                .hasMessageContaining("not among the scored languages (deu_Latn, eng_Latn)");
        QualityGate.validate(plan, GateRules.builder().minScore(0.5).threshold("deu_Latn", 0.2).build());
    }
}
