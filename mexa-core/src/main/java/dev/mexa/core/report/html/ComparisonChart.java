package dev.mexa.core.report.html;

import static dev.mexa.core.report.html.HtmlText.escape;
import static dev.mexa.core.report.html.Svg.format;

import dev.mexa.core.report.BaselineChange;
import dev.mexa.core.report.BaselineChange.Kind;
import dev.mexa.core.report.ScoreFormat;
import java.util.Comparator;
import java.util.List;

/**
 * The comparison of a run with its baseline, as the MEXA leaderboard sets a fine-tune beside its base model: per
 * language a thin bar for the baseline score above a bar for the current score, the delta beside them, languages
 * sorted by delta (largest drop first). A drop beyond {@code maxDrop} is red, hatched and says {@code REGRESSION};
 * any other drop is amber and says {@code drop}; so the marks survive greyscale printing.
 */
final class ComparisonChart {

    private static final int LABEL_WIDTH = ScoreAxis.LABEL_WIDTH;
    private static final int PLOT_WIDTH = ScoreAxis.PLOT_WIDTH;
    private static final int VALUE_WIDTH = 170;
    private static final int ROW_HEIGHT = 26;
    private static final int BASELINE_TOP = 3;
    private static final int BASELINE_HEIGHT = 7;
    private static final int CURRENT_TOP = 11;
    private static final int CURRENT_HEIGHT = 12;
    private static final int AXIS_HEIGHT = ScoreAxis.HEIGHT;

    private static final String CURRENT_SWATCH = "<rect class=\"current\" width=\"22\" height=\"12\" y=\"1\"/>";

    /** The key above the chart, its swatches drawn with the chart's own style classes. */
    static final String KEY = "<ul class=\"key\" aria-label=\"Comparison key\">"
            + ChartKey.item("comparison", "<rect class=\"baseline-bar\" width=\"22\" height=\"7\" y=\"3\"/>",
                    "baseline")
            + ChartKey.item("comparison gain", CURRENT_SWATCH, "current: gain")
            + ChartKey.item("comparison unchanged", CURRENT_SWATCH, "current: unchanged")
            + ChartKey.item("comparison drop", CURRENT_SWATCH, "current: drop (within maxDrop, or none set)")
            + ChartKey.item("comparison regression", CURRENT_SWATCH, "current: REGRESSION, a drop beyond maxDrop"
                    + " (hatched)")
            + "</ul>\n";

    private final LanguageNames names;

    /** @param names language names for the row labels */
    ComparisonChart(LanguageNames names) {
        this.names = names;
    }

    /**
     * @param changes the languages with a baseline score
     * @return them in display order: by delta, largest drop first, ties by code
     */
    static List<BaselineChange> sorted(List<BaselineChange> changes) {
        return changes.stream().sorted(Comparator.comparingDouble(BaselineChange::delta)
                .thenComparing(change -> change.result().language())).toList();
    }

    /**
     * @param changes the languages with a baseline score, in display order
     * @return one sentence counting regressions, drops, gains and unchanged scores
     */
    static String summary(List<BaselineChange> changes) {
        return count(changes, Kind.REGRESSION) + " of " + changes.size() + " compared languages regressed beyond"
                + " maxDrop, " + count(changes, Kind.DROP) + " dropped within it, " + count(changes, Kind.GAIN)
                + " gained, " + count(changes, Kind.UNCHANGED) + " unchanged.";
    }

    /**
     * @param changes the languages with a baseline score, in display order
     * @return an {@code <svg>} element
     */
    String render(List<BaselineChange> changes) {
        int width = LABEL_WIDTH + PLOT_WIDTH + VALUE_WIDTH;
        int height = AXIS_HEIGHT + changes.size() * ROW_HEIGHT + 4;
        StringBuilder out = new StringBuilder();
        Svg.open(out, "comparison-chart", "chart comparison", width, height, "Baseline and current MEXA score of "
                + changes.size() + " languages, sorted by change, largest drop first: " + summary(changes));
        Svg.hatching(out, "hatch-regression");
        ScoreAxis.render(out, height);
        for (int row = 0; row < changes.size(); row++) {
            row(out, changes.get(row), AXIS_HEIGHT + row * ROW_HEIGHT);
        }
        return out.append("</svg>\n").toString();
    }

    private static long count(List<BaselineChange> changes, Kind kind) {
        return changes.stream().filter(change -> change.kind() == kind).count();
    }

    private void row(StringBuilder out, BaselineChange change, int top) {
        String code = escape(change.result().language());
        double baseline = change.result().baseline();
        double score = change.result().score();
        int textBaseline = CURRENT_TOP + CURRENT_HEIGHT - 2;
        out.append("<g class=\"change ").append(change.kind().cssClass()).append("\" data-language=\"").append(code)
                .append("\" data-delta=\"").append(change.delta()).append("\" transform=\"translate(0,").append(top)
                .append(")\">");
        out.append("<title>").append(code).append(' ').append(escape(names.name(change.result().language())))
                .append(": baseline ").append(ScoreFormat.score(baseline)).append(", now ")
                .append(ScoreFormat.score(score)).append(", ").append(ScoreFormat.signed(change.delta())).append(' ')
                .append(change.kind().text()).append("</title>");
        out.append("<text class=\"label\" x=\"").append(LABEL_WIDTH - 8).append("\" y=\"").append(textBaseline)
                .append("\"><tspan class=\"code\">").append(code).append("</tspan> ")
                .append(escape(ScoreBarChart.shortName(names.name(change.result().language())))).append("</text>");
        bar(out, "baseline-bar", baseline, BASELINE_TOP, BASELINE_HEIGHT);
        bar(out, "current", score, CURRENT_TOP, CURRENT_HEIGHT);
        out.append("<text class=\"value\" x=\"").append(LABEL_WIDTH + PLOT_WIDTH + 8).append("\" y=\"")
                .append(textBaseline).append("\">").append(ScoreFormat.signed(change.delta()));
        if (change.kind() == Kind.REGRESSION || change.kind() == Kind.DROP) {
            out.append(' ').append(change.kind().text());
        }
        out.append("</text></g>\n");
    }

    private static void bar(StringBuilder out, String cssClass, double score, int top, int height) {
        out.append("<rect class=\"").append(cssClass).append("\" x=\"").append(LABEL_WIDTH).append("\" y=\"")
                .append(top).append("\" width=\"").append(format(ScoreAxis.x(score) - LABEL_WIDTH))
                .append("\" height=\"").append(height).append("\"/>");
    }
}
