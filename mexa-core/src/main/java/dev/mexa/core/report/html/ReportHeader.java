package dev.mexa.core.report.html;

import static dev.mexa.core.report.html.HtmlText.escape;

import dev.mexa.core.report.MexaReport;
import dev.mexa.core.report.ReportAverages;
import dev.mexa.core.score.LayerRange;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

/** The top of the page: the gate's outcome, how the scores were made (model, corpus, settings, time), notes. */
final class ReportHeader {

    /** Lists of violations or notes up to this long are shown open; longer ones start folded. */
    private static final int OPEN_LIST_ITEMS = 12;

    private ReportHeader() {
    }

    /**
     * @param report the report
     * @param names language names
     * @return the {@code <header>} element and, when the report has any, its notes and violations
     */
    static String render(MexaReport report, LanguageNames names) {
        StringBuilder out = new StringBuilder();
        out.append("<header>\n<h1>MEXA report</h1>\n").append(outcome(report));
        out.append("<dl class=\"facts\">\n");
        fact(out, "Model", "<code>" + escape(report.model()) + "</code>");
        if (report.corpus() != null) {
            fact(out, "Corpus", "<code>" + escape(report.corpus()) + "</code>");
        }
        fact(out, "Pivot", escape(report.pivot()) + " (" + escape(names.name(report.pivot())) + ")");
        fact(out, "Embedding", escape(report.embedding()));
        fact(out, "Pooling", escape(report.pooling()) + " over "
                + escape(LayerRange.describe(report.layerRange())));
        fact(out, "Sentences", Integer.toString(report.sentences()));
        fact(out, "Hidden states", Integer.toString(report.layers()));
        fact(out, "Languages", Integer.toString(report.languages().size()));
        fact(out, "Average", escape(ReportAverages.of(report).sentence()));
        fact(out, "Created", created(report.createdAt()));
        fact(out, "Run time", duration(report.durationMillis()));
        out.append("</dl>\n</header>\n");
        list(out, "Violations", report.failures().stream().flatMap(result -> result.violations().stream()).toList());
        list(out, "Notes", report.notes());
        return out.toString();
    }

    private static String outcome(MexaReport report) {
        ReportOutcome outcome = ReportOutcome.of(report);
        return "<p class=\"outcome " + outcome.cssClass() + "\">" + escape(report.gateSummary()) + "</p>\n";
    }

    private static void fact(StringBuilder out, String term, String valueHtml) {
        out.append("<div><dt>").append(term).append("</dt><dd>").append(valueHtml).append("</dd></div>\n");
    }

    private static void list(StringBuilder out, String title, List<String> items) {
        if (items.isEmpty()) {
            return;
        }
        out.append("<details class=\"").append(title.toLowerCase(Locale.ROOT)).append('"')
                .append(items.size() <= OPEN_LIST_ITEMS ? " open" : "").append(">\n<summary>").append(title)
                .append(" (").append(items.size()).append(")</summary>\n<ul>\n");
        items.forEach(item -> out.append("<li>").append(escape(item)).append("</li>\n"));
        out.append("</ul>\n</details>\n");
    }

    private static String created(String createdAt) {
        if (createdAt == null) {
            return "";
        }
        try {
            String readable = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT)
                    .format(Instant.parse(createdAt).atOffset(ZoneOffset.UTC));
            return "<time datetime=\"" + escape(createdAt) + "\">" + readable + "</time>";
        } catch (DateTimeParseException e) {
            return escape(createdAt);
        }
    }

    /**
     * @param millis a duration
     * @return it for people: {@code 850 ms}, {@code 12.3 s}, {@code 4 min 05 s}, {@code 1 h 02 min}
     */
    static String duration(long millis) {
        if (millis < 1000) {
            return millis + " ms";
        }
        long seconds = millis / 1000;
        if (seconds < 60) {
            return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
        }
        if (seconds < 3600) {
            return String.format(Locale.ROOT, "%d min %02d s", seconds / 60, seconds % 60);
        }
        return String.format(Locale.ROOT, "%d h %02d min", seconds / 3600, seconds % 3600 / 60);
    }
}
