package dev.mexa.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mexa.core.report.LanguageResult;
import dev.mexa.core.report.MexaReport;
import dev.mexa.core.report.ReportFixture;
import dev.mexa.core.report.ReportWriter;
import dev.mexa.core.report.ViolatedRule;
import dev.mexa.core.report.html.HtmlReport;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.maven.doxia.sink.impl.Xhtml5BaseSink;
import org.apache.maven.plugin.logging.SystemStreamLog;
import org.apache.maven.reporting.MavenReportException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportMojoTest {

    @TempDir
    Path dir;

    private final List<String> infoLines = new ArrayList<>();

    private ReportMojo mojo(Path reportFile) {
        ReportMojo mojo = new ReportMojo();
        mojo.reportFile = reportFile.toFile();
        mojo.setReportOutputDirectory(dir.resolve("site").toFile());
        mojo.setLog(new SystemStreamLog() {
            @Override
            public void info(CharSequence content) {
                infoLines.add(content.toString());
            }
        });
        return mojo;
    }

    private Path writtenReport() {
        LanguageResult german = LanguageResult.ungated("deu_Latn", false, 50, 0.82, new double[] {0.7, 0.94})
                .withGate(ReportFixture.failed(0.85, 0.84, ViolatedRule.MINIMUM,
                        "Rule violated for language deu_Latn"));
        LanguageResult hostile = LanguageResult.ungated("<script>", false, 50, 0.6, new double[] {0.5, 0.7});
        MexaReport report = ReportFixture.report().sentences(50).layers(2).model("/models/tiny").corpus(null)
                .createdAt("2026-11-24T18:00:00Z").durationMillis(1500).language(german).language(hostile).build();
        ReportWriter.write(report, dir.resolve("mexa"));
        return dir.resolve("mexa").resolve(ReportWriter.JSON);
    }

    @Test
    void isSkippedWithOneLineWhenThereIsNoReport() {
        ReportMojo mojo = mojo(dir.resolve("mexa/mexa-report.json"));
        assertThat(mojo.canGenerateReport()).isFalse();
        assertThat(infoLines).singleElement().asString().startsWith("Skipping MEXA report: ")
                .contains("does not exist (run mexa:evaluate first");
    }

    @Test
    void isSkippedWithOneLineWhenAskedTo() {
        ReportMojo mojo = mojo(writtenReport());
        mojo.skip = true;
        assertThat(mojo.canGenerateReport()).isFalse();
        assertThat(infoLines).containsExactly("Skipping MEXA report (mexa.skip=true).");
    }

    @Test
    void rendersASummaryPageAndTheHtmlReportIntoTheSite() throws Exception {
        ReportMojo mojo = mojo(writtenReport());
        assertThat(mojo.canGenerateReport()).isTrue();
        StringWriter page = new StringWriter();
        mojo.generate(new Xhtml5BaseSink(page), null, Locale.ENGLISH);

        assertThat(page.toString()).contains("MEXA checks have not been met (1 of 1 language).",
                "href=\"mexa/mexa-report.html\"", ">deu_Latn</td>", ">German</td>", ">0.820</td>",
                ">0.85</td>", ">0.840</td>", ">FAIL</td>", ">&lt;script&gt;</td>", ">pivot</td>")
                .doesNotContain("<script>");
        Path html = dir.resolve("site").resolve("mexa").resolve(HtmlReport.FILE_NAME);
        assertThat(Files.readString(html)).startsWith("<!DOCTYPE html>").contains("id=\"score-chart\"");
        assertThat(mojo.getOutputName()).isEqualTo("mexa");
        assertThat(mojo.getName(Locale.ENGLISH)).isEqualTo("MEXA");
    }

    @Test
    void failsWithTheFileNameWhenTheReportIsNotAMexaReport() throws IOException {
        Path other = Files.writeString(dir.resolve("package.json"), "{\"name\":\"x\"}");
        ReportMojo mojo = mojo(other);
        assertThatThrownBy(() -> mojo.generate(new Xhtml5BaseSink(new StringWriter()), null, Locale.ENGLISH))
                .isInstanceOf(MavenReportException.class).hasMessageContaining(other + " is not a MEXA report");
    }
}
