package dev.mexa.core.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mexa.core.MexaException;
import dev.mexa.core.RecordingLog;
import dev.mexa.core.evaluate.Evaluation;
import dev.mexa.core.report.html.HtmlReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 10, outputs never lie: a run starts by removing the previous run's reports. */
class StaleReportsTest {

    @TempDir
    Path dir;

    @Test
    void removesEveryReportAndNothingElse() throws IOException {
        ReportWriter.write(ReportJsonTest.sample(), dir);
        Path other = Files.writeString(dir.resolve("notes.txt"), "mine");
        assertThat(ReportWriter.removePrevious(dir)).extracting(path -> path.getFileName().toString())
                .containsExactlyInAnyOrder(ReportWriter.JSON, ReportWriter.CSV, ReportWriter.MARKDOWN,
                        HtmlReport.FILE_NAME, ReportWriter.JUNIT_XML);
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(other);
        }
        assertThat(ReportWriter.removePrevious(dir.resolve("absent"))).isEmpty();
    }

    @Test
    void aRunInterruptedAfterTheStartLeavesNoReportThatLooksCurrent() {
        ReportWriter.write(ReportJsonTest.sample(), dir);
        List<String> lines = new ArrayList<>();
        Evaluation.removePreviousReports(dir, new RecordingLog(lines));
        // the run is interrupted here (Ctrl-C, a kill, a failure): nothing of the earlier run is left to read
        assertThat(dir.resolve(ReportWriter.JSON)).doesNotExist();
        assertThat(dir.resolve(ReportWriter.MARKDOWN)).doesNotExist();
        assertThat(lines).containsExactly("Removed the previous MEXA reports from " + dir);
    }

    @Test
    void aReportThatCannotBeRemovedIsAnError() throws IOException {
        Files.createDirectories(dir.resolve(ReportWriter.JSON).resolve("child"));
        assertThatThrownBy(() -> ReportWriter.removePrevious(dir)).isInstanceOf(MexaException.class)
                .hasMessageStartingWith("Cannot remove the previous report " + dir.resolve(ReportWriter.JSON) + ": ")
                .hasMessageEndingWith("so that no stale report is taken for this run's.");
    }
}
