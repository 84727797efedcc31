package dev.mexa.core.gate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mexa.core.report.MexaReport;
import dev.mexa.core.report.ReportCsv;
import dev.mexa.core.report.ReportJson;
import dev.mexa.core.report.ReportMarkdown;
import dev.mexa.core.report.ReportWriter;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The gate's outcome reaches every report file, and a written report reads back as a baseline. */
class GatedReportFilesTest {

    private static final GateRules RULES = GateRules.builder().minScore(0.3).threshold("deu_Latn", 0.85)
            .baseline(Reports.of("deu_Latn", 0.95, "swh_Latn", 0.2), "mexa-baseline.json").maxDrop(0.05).build();

    private static MexaReport gated() {
        MexaReport report = Reports.of("deu_Latn", 0.93, "swh_Latn", 0.21);
        return QualityGate.check(EstimatedScores.apply(report, Map.of("belebele", 0.8)), RULES).report();
    }

    @Test
    void jsonRecordsThresholdBaselineVerdictViolationsAndEstimates() {
        String json = ReportJson.toJson(gated());

        assertThat(json).contains("\"threshold\": 0.85", "\"baseline\": 0.95", "\"verdict\": \"FAIL\"",
                "\"verdict\": \"PASS\"", "\"verdict\": \"NOT_GATED\"",
                "Rule violated for language swh_Latn: MEXA score is 0.21, but expected minimum is 0.30",
                "\"belebele\": 0.168");
    }

    @Test
    void csvHasGateAndEstimateColumns() {
        String csv = ReportCsv.toCsv(gated());

        assertThat(csv.lines().findFirst().orElseThrow())
                .startsWith("language,pivot,sentences,score,score_lower,score_upper,threshold,baseline,verdict,"
                        + "estimated_belebele");
        assertThat(csv).contains("swh_Latn,false,100,0.21,").contains(",0.3,0.2,FAIL,");
    }

    @Test
    void markdownShowsTheSummaryAndMarks() {
        String markdown = ReportMarkdown.toMarkdown(gated());

        assertThat(markdown).contains("**MEXA checks have not been met (1 of 2 languages)**")
                .contains("| ✅ pass | deu_Latn | 0.930 |").contains("| ❌ FAIL | swh_Latn | 0.210 |")
                .contains("\n- Rule violated for language swh_Latn: MEXA score is 0.21, but expected minimum is 0.30\n");
    }

    @Test
    void aWrittenReportReadsBackAsABaseline(@TempDir Path directory) {
        ReportWriter.write(gated(), directory);

        MexaReport baseline = ReportJson.read(directory.resolve(ReportWriter.JSON));
        GateResult result = QualityGate.check(Reports.of("deu_Latn", 0.80, "swh_Latn", 0.21),
                GateRules.builder().baseline(baseline, "mexa-report.json").maxDrop(0.05).build());

        assertThat(result.violations()).containsExactly("Rule violated for language deu_Latn: MEXA score dropped"
                + " from 0.93 to 0.80 (baseline mexa-report.json), more than 0.05");
    }
}
