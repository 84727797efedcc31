package dev.mexa.core.report.html;

import static dev.mexa.core.report.html.HtmlText.escape;

import dev.mexa.core.report.LanguageResult;
import dev.mexa.core.report.VerdictLabel;
import dev.mexa.core.report.MexaReport;
import dev.mexa.core.report.PooledScores;
import dev.mexa.core.report.ReportAverages;
import dev.mexa.core.report.ScoreFormat;
import java.util.List;
import java.util.function.DoubleFunction;

/**
 * The table of every language: code, name, script, score (the configured pooling, which the gate uses), both poolings,
 * threshold, baseline, delta, verdict and estimated task scores, with the averages below. Each header carries
 * {@code data-type} and each cell {@code data-value}, which the page's script sorts by when a header is clicked; a text
 * field filters the rows.
 */
final class ResultsTable {

    private static final String NUMBER = "number";
    private static final String TEXT = "text";

    private final LanguageNames names;

    /** @param names language names and scripts */
    ResultsTable(LanguageNames names) {
        this.names = names;
    }

    /**
     * @param report the report, whose languages are listed in code order
     * @return the filter field, a live row count and the {@code <table>}
     */
    String render(MexaReport report) {
        List<String> tasks = report.languages().values().stream()
                .flatMap(result -> result.estimatedScores().keySet().stream()).distinct().sorted().toList();
        int count = report.languages().size();
        StringBuilder out = new StringBuilder();
        out.append("<div class=\"filter\"><label for=\"filter\">Filter languages</label> <input id=\"filter\""
                + " type=\"search\" placeholder=\"code, name, script or verdict\" aria-controls=\"results\">"
                + " <span id=\"filter-count\" aria-live=\"polite\">").append(count).append(" of ").append(count)
                .append(" languages</span></div>\n");
        out.append("<table id=\"results\">\n<caption>MEXA results per language. Score is the ")
                .append(escape(report.pooling())).append("-pooled score, the one the gate uses.</caption>\n")
                .append("<thead><tr>");
        header(out, "Language", TEXT, "ascending");
        header(out, "Name", TEXT, null);
        header(out, "Script", TEXT, null);
        header(out, "Score", NUMBER, null);
        header(out, "Mean-pooled", NUMBER, null);
        header(out, "Max-pooled", NUMBER, null);
        header(out, "Threshold", NUMBER, null);
        header(out, "Baseline", NUMBER, null);
        header(out, "Delta", NUMBER, null);
        header(out, "Verdict", NUMBER, null);
        tasks.forEach(task -> header(out, "Estimated " + escape(task), NUMBER, null));
        out.append("</tr></thead>\n<tbody>\n");
        report.languages().values().forEach(result -> row(out, PooledScores.of(report, result), result, tasks));
        out.append("</tbody>\n");
        averages(out, ReportAverages.of(report), tasks.size());
        return out.append("</table>\n").toString();
    }

    private static void header(StringBuilder out, String labelHtml, String type, String sort) {
        out.append("<th scope=\"col\" data-type=\"").append(type).append('"');
        if (sort != null) {
            out.append(" aria-sort=\"").append(sort).append('"');
        }
        out.append("><button type=\"button\">").append(labelHtml).append("</button></th>");
    }

    /** The averages as the table's foot, which sorting and filtering leave in place. */
    private static void averages(StringBuilder out, ReportAverages averages, int tasks) {
        if (averages.languages() == 0) {
            return;
        }
        int after = 4 + tasks;
        out.append("<tfoot>\n<tr class=\"average\"><th scope=\"row\" colspan=\"3\">Average over ")
                .append(averages.languages()).append(averages.languages() == 1 ? " language" : " languages")
                .append(" (pivot excluded)</th>");
        numberCell(out, averages.scored(), ScoreFormat::score);
        numberCell(out, averages.mean(), ScoreFormat::score);
        numberCell(out, averages.max(), ScoreFormat::score);
        out.append("<td colspan=\"").append(after).append("\"></td></tr>\n");
        if (averages.gated() != null) {
            out.append("<tr class=\"average\"><th scope=\"row\" colspan=\"3\">Average over the ")
                    .append(averages.gatedLanguages()).append(" gated</th>");
            numberCell(out, averages.gated(), ScoreFormat::score);
            out.append("<td colspan=\"").append(after + 2).append("\"></td></tr>\n");
        }
        out.append("</tfoot>\n");
    }

    private void row(StringBuilder out, PooledScores pooled, LanguageResult result, List<String> tasks) {
        VerdictLabel verdict = VerdictLabel.of(result);
        String code = escape(result.language());
        out.append("<tr class=\"").append(verdict.cssClass()).append("\" data-language=\"").append(code).append("\">");
        out.append("<th scope=\"row\" data-value=\"").append(code).append("\"><code>").append(code)
                .append("</code></th>");
        textCell(out, names.name(result.language()));
        textCell(out, names.script(result.language()));
        out.append("<td class=\"num\" data-value=\"").append(result.score()).append("\" title=\"95% interval ")
                .append(ScoreFormat.score(result.interval().lower())).append('–')
                .append(ScoreFormat.score(result.interval().upper())).append("\">")
                .append(ScoreFormat.score(result.score())).append("</td>");
        numberCell(out, pooled.mean(), ScoreFormat::score);
        numberCell(out, pooled.max(), ScoreFormat::score);
        numberCell(out, result.threshold(), ScoreFormat::brief);
        numberCell(out, result.baseline(), ScoreFormat::score);
        numberCell(out, result.baseline() == null ? null : result.score() - result.baseline(),
                ScoreFormat::signed);
        out.append("<td data-value=\"").append(verdict.ordinal()).append("\"");
        if (!result.violations().isEmpty()) {
            out.append(" title=\"").append(escape(String.join("\n", result.violations()))).append('"');
        }
        out.append("><span class=\"badge\">").append(verdict.text()).append("</span></td>");
        tasks.forEach(task -> numberCell(out, result.estimatedScores().get(task), ScoreFormat::score));
        out.append("</tr>\n");
    }

    private static void textCell(StringBuilder out, String text) {
        String escaped = escape(text);
        out.append("<td data-value=\"").append(escaped).append("\">").append(escaped).append("</td>");
    }

    private static void numberCell(StringBuilder out, Double value, DoubleFunction<String> shown) {
        if (value == null) {
            out.append("<td class=\"num\" data-value=\"\"></td>");
        } else {
            out.append("<td class=\"num\" data-value=\"").append(value).append("\">")
                    .append(shown.apply(value)).append("</td>");
        }
    }
}
