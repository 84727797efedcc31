package dev.mexa.core.report;

import dev.mexa.core.MexaException;
import dev.mexa.core.io.AtomicFiles;
import dev.mexa.core.io.IoReason;
import dev.mexa.core.report.html.HtmlReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes the reports into an output directory, each file atomically: {@code mexa-report.json},
 * {@code mexa-scores.csv}, {@code mexa-summary.md}, {@code mexa-report.html} and {@code TEST-mexa.xml} (the gate as
 * JUnit XML, for CI test tabs).
 */
public final class ReportWriter {

    /** File name of the JSON report. */
    public static final String JSON = "mexa-report.json";
    /** File name of the CSV scores. */
    public static final String CSV = "mexa-scores.csv";
    /** File name of the Markdown summary. */
    public static final String MARKDOWN = "mexa-summary.md";
    /** File name of the gate as JUnit XML. */
    public static final String JUNIT_XML = "TEST-mexa.xml";

    /** Every file {@link #write} writes, the JSON report last. */
    private static final List<String> FILES = List.of(CSV, MARKDOWN, HtmlReport.FILE_NAME, JUNIT_XML, JSON);

    private ReportWriter() {
    }

    /**
     * Removes the reports of an earlier run, to be called when a run starts: a run that then fails, is interrupted
     * or is killed leaves no report behind that looks like its own. Other files in the directory stay.
     *
     * @param directory the output directory; nothing happens when it does not exist
     * @return the files removed
     * @throws dev.mexa.core.MexaException naming the file when one cannot be removed
     */
    public static List<Path> removePrevious(Path directory) {
        List<Path> removed = new ArrayList<>();
        for (String name : FILES) {
            Path file = directory.resolve(name);
            try {
                if (Files.deleteIfExists(file)) {
                    removed.add(file);
                }
            } catch (IOException e) {
                throw new MexaException("Cannot remove the previous report " + file + ": " + IoReason.of(e)
                        + ". Remove it, or make the directory writable, so that no stale report is taken for this"
                        + " run's.", e);
            }
        }
        return removed;
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
        String junitXml = ReportJUnitXml.toXml(report);
        // the JSON report last: readers (a later gate, the site report) look for it first
        Path jsonFile = directory.resolve(JSON);
        Path csvFile = directory.resolve(CSV);
        Path markdownFile = directory.resolve(MARKDOWN);
        Path htmlFile = directory.resolve(HtmlReport.FILE_NAME);
        Path junitFile = directory.resolve(JUNIT_XML);
        AtomicFiles.write(csvFile, csv);
        AtomicFiles.write(markdownFile, markdown);
        AtomicFiles.write(htmlFile, html);
        AtomicFiles.write(junitFile, junitXml);
        AtomicFiles.write(jsonFile, json);
        return List.of(jsonFile, csvFile, markdownFile, htmlFile, junitFile);
    }
}
