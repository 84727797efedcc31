package dev.mexa.maven;

import dev.mexa.core.MexaException;
import dev.mexa.core.io.AtomicFiles;
import dev.mexa.core.report.MexaReport;
import dev.mexa.core.report.ReportJson;
import dev.mexa.core.report.html.HtmlReport;
import dev.mexa.core.report.html.LanguageNames;
import java.io.File;
import java.util.Locale;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.reporting.AbstractMavenReport;
import org.apache.maven.reporting.MavenReportException;

/**
 * Site report, like jacoco's {@code report}: renders the last {@code mexa-report.json} written by
 * {@code mexa:evaluate} into the project site, as a summary page ({@code mexa.html}: outcome and one row per
 * language) and, next to it, the self-contained HTML report with chart and heatmap
 * ({@code mexa/mexa-report.html}). Does nothing, with one log line, when there is no report file.
 *
 * <pre>{@code
 * <reporting>
 *   <plugins>
 *     <plugin>
 *       <groupId>dev.mexa</groupId>
 *       <artifactId>mexa-maven-plugin</artifactId>
 *       <reportSets><reportSet><reports><report>report</report></reports></reportSet></reportSets>
 *     </plugin>
 *   </plugins>
 * </reporting>
 * }</pre>
 *
 * @since 0.1.0
 */
@Mojo(name = "report", defaultPhase = LifecyclePhase.SITE, threadSafe = true)
public class ReportMojo extends AbstractMavenReport {

    /** Name of the summary page in the site, and of the folder that holds the HTML report. */
    static final String OUTPUT_NAME = "mexa";

    /**
     * The MEXA report to render, as written by {@code mexa:evaluate} into its output directory.
     *
     * <pre>&lt;reportFile&gt;${project.build.directory}/mexa/mexa-report.json&lt;/reportFile&gt;</pre>
     *
     * @since 0.1.0
     */
    @Parameter(property = "mexa.reportFile", defaultValue = "${project.build.directory}/mexa/mexa-report.json")
    File reportFile;

    /**
     * Skips the report, like {@code mexa:evaluate}.
     *
     * <pre>{@code <skip>true</skip>}</pre>
     *
     * @since 0.1.0
     */
    @Parameter(property = "mexa.skip", defaultValue = "false")
    boolean skip;

    @Override
    public String getOutputName() {
        return OUTPUT_NAME;
    }

    @Override
    public String getName(Locale locale) {
        return "MEXA";
    }

    @Override
    public String getDescription(Locale locale) {
        return "MEXA multilingual alignment score of each language, with thresholds and verdicts.";
    }

    @Override
    public boolean canGenerateReport() {
        if (skip) {
            getLog().info("Skipping MEXA report (mexa.skip=true).");
            return false;
        }
        if (reportFile == null || !reportFile.isFile()) {
            getLog().info("Skipping MEXA report: " + reportFile + " does not exist (run mexa:evaluate first, or set"
                    + " mexa.reportFile).");
            return false;
        }
        return true;
    }

    @Override
    protected void executeReport(Locale locale) throws MavenReportException {
        MexaReport report;
        try {
            report = ReportJson.read(reportFile.toPath());
            AtomicFiles.write(getReportOutputDirectory().toPath().resolve(OUTPUT_NAME).resolve(HtmlReport.FILE_NAME),
                    HtmlReport.render(report));
        } catch (MexaException e) {
            throw new MavenReportException(e.getMessage(), e);
        }
        new SiteSummary(getSink(), LanguageNames.flores200()).render(report,
                OUTPUT_NAME + "/" + HtmlReport.FILE_NAME);
    }
}
