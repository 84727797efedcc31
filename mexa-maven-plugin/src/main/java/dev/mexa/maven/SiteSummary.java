package dev.mexa.maven;

import dev.mexa.core.report.LanguageResult;
import dev.mexa.core.report.MexaReport;
import dev.mexa.core.report.ScoreFormat;
import dev.mexa.core.report.html.LanguageNames;
import dev.mexa.core.report.VerdictLabel;
import dev.mexa.core.score.LayerRange;
import org.apache.maven.doxia.sink.Sink;

/**
 * The site page of {@link ReportMojo}, written through a Doxia {@link Sink} (which escapes all text): the gate's
 * outcome, how the scores were made, a link to the full HTML report and one table row per language.
 */
final class SiteSummary {

    private static final String[] COLUMNS = {"Language", "Name", "Score", "95% interval", "Threshold", "Baseline",
        "Verdict"};

    private final Sink sink;
    private final LanguageNames names;

    /**
     * @param sink where the page goes
     * @param names language names
     */
    SiteSummary(Sink sink, LanguageNames names) {
        this.sink = sink;
        this.names = names;
    }

    /**
     * @param report the report
     * @param htmlReportLink relative link to the self-contained HTML report
     */
    void render(MexaReport report, String htmlReportLink) {
        sink.head();
        sink.title();
        sink.text("MEXA");
        sink.title_();
        sink.head_();
        sink.body();
        sink.section1();
        sink.sectionTitle1();
        sink.text("MEXA multilingual alignment");
        sink.sectionTitle1_();
        paragraph(report.gateSummary() + ".");
        paragraph("Model " + report.model() + (report.corpus() == null ? "" : ", corpus " + report.corpus())
                + "; pivot " + report.pivot() + ", " + report.embedding() + " embeddings, " + report.pooling()
                + " pooling over " + LayerRange.describe(report.layerRange()) + ", " + report.sentences()
                + " sentences; "
                + report.createdAt() + ".");
        sink.paragraph();
        sink.link(htmlReportLink);
        sink.text("Full report with score chart and per-layer heatmap");
        sink.link_();
        sink.paragraph_();
        table(report);
        sink.section1_();
        sink.body_();
        sink.flush();
    }

    private void table(MexaReport report) {
        sink.table();
        sink.tableRows(new int[] {Sink.JUSTIFY_LEFT, Sink.JUSTIFY_LEFT, Sink.JUSTIFY_RIGHT, Sink.JUSTIFY_LEFT,
            Sink.JUSTIFY_RIGHT, Sink.JUSTIFY_RIGHT, Sink.JUSTIFY_LEFT}, true);
        sink.tableRow();
        for (String column : COLUMNS) {
            sink.tableHeaderCell();
            sink.text(column);
            sink.tableHeaderCell_();
        }
        sink.tableRow_();
        for (LanguageResult result : report.languages().values()) {
            sink.tableRow();
            cell(result.language());
            cell(names.name(result.language()));
            cell(ScoreFormat.score(result.score()));
            cell(ScoreFormat.score(result.interval().lower()) + "–" + ScoreFormat.score(result.interval().upper()));
            cell(result.threshold() == null ? "" : ScoreFormat.brief(result.threshold()));
            cell(result.baseline() == null ? "" : ScoreFormat.score(result.baseline()));
            cell(VerdictLabel.of(result).text());
            sink.tableRow_();
        }
        sink.tableRows_();
        sink.table_();
    }

    private void cell(String text) {
        sink.tableCell();
        sink.text(text);
        sink.tableCell_();
    }

    private void paragraph(String text) {
        sink.paragraph();
        sink.text(text);
        sink.paragraph_();
    }
}
