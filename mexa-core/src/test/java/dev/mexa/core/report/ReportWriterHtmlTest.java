package dev.mexa.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mexa.core.report.html.HtmlReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportWriterHtmlTest {

    @TempDir
    Path dir;

    private static MexaReport gatedSample() {
        MexaReport report = ReportJsonTest.sample();
        Map<String, LanguageResult> gated = new LinkedHashMap<>(report.languages());
        gated.put("deu_Latn", report.result("deu_Latn").withGate(ReportFixture.failed(0.7, 0.66, ViolatedRule.MINIMUM,
                "Rule violated for language deu_Latn: MEXA score is 0.63, but expected minimum is 0.70"))
                .withEstimatedScores(Map.of("belebele", 0.55625)));
        return report.with(gated, List.of());
    }

    @Test
    void writesTheHtmlReportNextToTheJson() throws IOException {
        List<Path> written = ReportWriter.write(gatedSample(), dir);
        Path html = dir.resolve(HtmlReport.FILE_NAME);
        assertThat(written).contains(html, dir.resolve(ReportWriter.JSON));
        assertThat(Files.readString(html)).startsWith("<!DOCTYPE html>").contains("deu_Latn", "German");
    }

    @Test
    void readsBackGateOutcomeAndEstimates() {
        ReportWriter.write(gatedSample(), dir);
        LanguageResult deu = ReportJson.read(dir.resolve(ReportWriter.JSON)).result("deu_Latn");
        assertThat(deu.threshold()).isEqualTo(0.7);
        assertThat(deu.baseline()).isEqualTo(0.66);
        assertThat(deu.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(deu.violations()).singleElement().asString().startsWith("Rule violated for language deu_Latn");
        assertThat(deu.estimatedScores()).containsEntry("belebele", 0.55625);
        LanguageResult eng = ReportJson.read(dir.resolve(ReportWriter.JSON)).result("eng_Latn");
        assertThat(eng.threshold()).isNull();
        assertThat(eng.verdict()).isEqualTo(Verdict.NOT_GATED);
    }
}
