package dev.mexa.core.report;

import dev.mexa.core.io.AtomicFiles;
import dev.mexa.core.report.html.HtmlReport;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes the reports into an output directory, each file atomically: {@code mexa-report.json},
 * {@code mexa-scores.csv}, {@code mexa-summary.md} and {@code mexa-report.html}.
 */
public final class ReportWriter {

    /** File name of the JSON report. */
    public static final String JSON = "mexa-report.json";
    /** File name of the CSV scores. */
    public static final String CSV = "mexa-scores.csv";
    /** File name of the Markdown summary. */
    public static final String MARKDOWN = "mexa-summary.md";

    private ReportWriter() {
    }

    /**
     * Renders every report first and writes nothing if rendering fails, so no directory holds a mix of runs.
     *
     * @param report the report
     * @param directory the output directory, created when missing
     * @return the files written
     */
    public static List<Path> write(MexaReport report, Path directory) {
        String json = ReportJson.toJson(report);
        String csv = ReportCsv.toCsv(report);
        String markdown = ReportMarkdown.toMarkdown(report);
        String html = HtmlReport.render(report);
        Path jsonFile = directory.resolve(JSON);
        Path csvFile = directory.resolve(CSV);
        Path markdownFile = directory.resolve(MARKDOWN);
        Path htmlFile = directory.resolve(HtmlReport.FILE_NAME);
        AtomicFiles.write(csvFile, csv);
        AtomicFiles.write(markdownFile, markdown);
        AtomicFiles.write(htmlFile, html);
        AtomicFiles.write(jsonFile, json);
        return List.of(jsonFile, csvFile, markdownFile, htmlFile);
    }
}
