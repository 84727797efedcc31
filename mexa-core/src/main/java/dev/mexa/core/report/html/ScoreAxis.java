package dev.mexa.core.report.html;

import static dev.mexa.core.report.html.Svg.format;

import dev.mexa.core.report.ScoreFormat;

/**
 * The horizontal score scale the bar charts share: a label column, then scores 0 to 1 across the plot, with
 * gridlines and tick labels at quarters along the top, so that bars in both charts read alike.
 */
final class ScoreAxis {

    /** Width of the language labels left of the plot. */
    static final int LABEL_WIDTH = 250;
    /** Width of the plot, score 0 to 1. */
    static final int PLOT_WIDTH = 480;
    /** Height of the tick labels above the first row. */
    static final int HEIGHT = 24;

    private static final double[] TICKS = {0, 0.25, 0.5, 0.75, 1};

    private ScoreAxis() {
    }

    /**
     * @param out where the markup goes
     * @param chartHeight the chart's height, which the gridlines span
     */
    static void render(StringBuilder out, int chartHeight) {
        out.append("<g class=\"axis\" aria-hidden=\"true\">");
        for (double tick : TICKS) {
            String x = format(x(tick));
            out.append("<line x1=\"").append(x).append("\" x2=\"").append(x).append("\" y1=\"").append(HEIGHT - 4)
                    .append("\" y2=\"").append(chartHeight).append("\"/><text x=\"").append(x).append("\" y=\"")
                    .append(HEIGHT - 8).append("\">").append(ScoreFormat.brief(tick)).append("</text>");
        }
        out.append("</g>\n");
    }

    /**
     * @param score a score, clamped to [0, 1]
     * @return its x coordinate
     */
    static double x(double score) {
        return LABEL_WIDTH + Math.max(0, Math.min(1, score)) * PLOT_WIDTH;
    }
}
