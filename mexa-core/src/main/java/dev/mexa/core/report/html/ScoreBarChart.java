package dev.mexa.core.report.html;

import static dev.mexa.core.report.html.HtmlText.escape;
import static dev.mexa.core.report.html.Svg.format;

import dev.mexa.core.report.LanguageResult;
import dev.mexa.core.report.VerdictLabel;
import dev.mexa.core.report.ScoreFormat;
import java.util.List;

/**
 * An SVG bar chart of pooled scores, one horizontal bar per language, best first: the bar's length is the score,
 * a whisker its 95% interval, a vertical mark the language's threshold. Failing bars are red and hatched and say
 * {@code FAIL}, so the verdict survives greyscale printing.
 */
final class ScoreBarChart {

    private static final int LABEL_WIDTH = ScoreAxis.LABEL_WIDTH;
    private static final int PLOT_WIDTH = ScoreAxis.PLOT_WIDTH;
    private static final int VALUE_WIDTH = 120;
    private static final int ROW_HEIGHT = 18;
    private static final int BAR_HEIGHT = 12;
    private static final int AXIS_HEIGHT = ScoreAxis.HEIGHT;
    private static final int NAME_LENGTH = 24;

    private final LanguageNames names;

    /** @param names language names for the bar labels */
    ScoreBarChart(LanguageNames names) {
        this.names = names;
    }

    /**
     * @param ranked the results in display order
     * @return an {@code <svg>} element
     */
    String render(List<LanguageResult> ranked) {
        int width = LABEL_WIDTH + PLOT_WIDTH + VALUE_WIDTH;
        int height = AXIS_HEIGHT + ranked.size() * ROW_HEIGHT + 4;
        long failing = ranked.stream().filter(result -> VerdictLabel.of(result) == VerdictLabel.FAIL).count();
        StringBuilder out = new StringBuilder();
        Svg.open(out, "score-chart", "chart", width, height, "Pooled MEXA score of " + ranked.size()
                + " languages, best first; " + failing + " below their threshold");
        Svg.hatching(out, "hatch-fail");
        ScoreAxis.render(out, height);
        for (int row = 0; row < ranked.size(); row++) {
            bar(out, ranked.get(row), AXIS_HEIGHT + row * ROW_HEIGHT);
        }
        return out.append("</svg>\n").toString();
    }

    private void bar(StringBuilder out, LanguageResult result, int top) {
        VerdictLabel verdict = VerdictLabel.of(result);
        String code = escape(result.language());
        int baseline = (ROW_HEIGHT + BAR_HEIGHT) / 2 - 1;
        out.append("<g class=\"bar ").append(verdict.cssClass()).append("\" data-language=\"").append(code)
                .append("\" transform=\"translate(0,").append(top).append(")\">");
        out.append("<title>").append(tooltip(result, verdict)).append("</title>");
        out.append("<text class=\"label\" x=\"").append(LABEL_WIDTH - 8).append("\" y=\"").append(baseline)
                .append("\"><tspan class=\"code\">").append(code).append("</tspan> ")
                .append(escape(shortName(names.name(result.language())))).append("</text>");
        int barTop = (ROW_HEIGHT - BAR_HEIGHT) / 2;
        out.append("<rect class=\"score\" x=\"").append(LABEL_WIDTH).append("\" y=\"").append(barTop)
                .append("\" width=\"").append(format(ScoreAxis.x(result.score()) - LABEL_WIDTH))
                .append("\" height=\"").append(BAR_HEIGHT).append("\"/>");
        String middle = Integer.toString(ROW_HEIGHT / 2);
        out.append("<line class=\"interval\" x1=\"").append(format(ScoreAxis.x(result.interval().lower())))
                .append("\" x2=\"").append(format(ScoreAxis.x(result.interval().upper()))).append("\" y1=\"")
                .append(middle).append("\" y2=\"").append(middle).append("\"/>");
        if (result.threshold() != null) {
            String x = format(ScoreAxis.x(result.threshold()));
            out.append("<line class=\"threshold\" x1=\"").append(x).append("\" x2=\"").append(x)
                    .append("\" y1=\"1\" y2=\"").append(ROW_HEIGHT - 1).append("\"/>");
        }
        out.append("<text class=\"value\" x=\"").append(LABEL_WIDTH + PLOT_WIDTH + 8).append("\" y=\"")
                .append(baseline).append("\">").append(ScoreFormat.score(result.score()));
        if (verdict == VerdictLabel.FAIL || verdict == VerdictLabel.PIVOT) {
            out.append(' ').append(verdict.text());
        }
        out.append("</text></g>\n");
    }

    private String tooltip(LanguageResult result, VerdictLabel verdict) {
        StringBuilder text = new StringBuilder(escape(result.language())).append(' ')
                .append(escape(names.name(result.language()))).append(": ").append(ScoreFormat.score(result.score()))
                .append(" (95% interval ").append(ScoreFormat.score(result.interval().lower())).append('–')
                .append(ScoreFormat.score(result.interval().upper())).append(')');
        if (result.threshold() != null) {
            text.append(", threshold ").append(ScoreFormat.brief(result.threshold()));
        }
        return text.append(", ").append(verdict.text()).toString();
    }

    /**
     * @param name a language name
     * @return it, cut to fit a bar label with an ellipsis
     */
    static String shortName(String name) {
        if (name.codePointCount(0, name.length()) <= NAME_LENGTH) {
            return name;
        }
        return name.substring(0, name.offsetByCodePoints(0, NAME_LENGTH - 1)) + "…";
    }
}
