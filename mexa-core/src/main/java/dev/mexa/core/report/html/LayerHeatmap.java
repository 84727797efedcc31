package dev.mexa.core.report.html;

import static dev.mexa.core.report.html.HtmlText.escape;
import static dev.mexa.core.report.html.Svg.format;

import dev.mexa.core.report.LanguageResult;
import dev.mexa.core.report.ScoreFormat;
import java.util.List;

/**
 * An SVG heatmap of per-layer scores, languages down and hidden states across, each cell coloured by one of ten
 * bins of a scale that darkens monotonically (readable in greyscale), its value in a tooltip; with a legend.
 */
final class LayerHeatmap {

    /** Number of colour bins; CSS classes {@code h0} to {@code h9}. */
    static final int BINS = 10;

    private static final int LABEL_WIDTH = 90;
    private static final int PLOT_WIDTH = 560;
    private static final int ROW_HEIGHT = 14;
    private static final int AXIS_HEIGHT = 22;
    private static final int LEGEND_SWATCH = 36;
    private static final int LEGEND_INSET = 12;

    /**
     * @param ranked the results in display order
     * @param layers the number of hidden states
     * @return the heatmap {@code <svg>} followed by its legend
     */
    String render(List<LanguageResult> ranked, int layers) {
        int cell = Math.max(8, Math.min(32, PLOT_WIDTH / Math.max(1, layers)));
        int width = LABEL_WIDTH + cell * layers + 4;
        int height = AXIS_HEIGHT + ranked.size() * ROW_HEIGHT;
        StringBuilder out = new StringBuilder();
        Svg.open(out, "layer-heatmap", "heatmap", width, height, "MEXA score per layer of " + ranked.size()
                + " languages (rows) and " + layers + " hidden states (columns)");
        axis(out, layers, cell);
        for (int row = 0; row < ranked.size(); row++) {
            row(out, ranked.get(row), AXIS_HEIGHT + row * ROW_HEIGHT, cell);
        }
        out.append("</svg>\n");
        legend(out);
        return out.toString();
    }

    private static void axis(StringBuilder out, int layers, int cell) {
        int step = layers <= 16 ? 1 : 4;
        out.append("<g class=\"axis\" aria-hidden=\"true\">");
        for (int layer = 0; layer < layers; layer += step) {
            out.append("<text x=\"").append(format(LABEL_WIDTH + (layer + 0.5) * cell)).append("\" y=\"")
                    .append(AXIS_HEIGHT - 6).append("\">").append(layer).append("</text>");
        }
        out.append("</g>\n");
    }

    private static void row(StringBuilder out, LanguageResult result, int top, int cell) {
        String code = escape(result.language());
        out.append("<g class=\"row\" data-language=\"").append(code).append("\" transform=\"translate(0,")
                .append(top).append(")\"><text class=\"label\" x=\"").append(LABEL_WIDTH - 6).append("\" y=\"")
                .append(ROW_HEIGHT - 3).append("\">").append(code).append("</text>");
        double[] scores = result.layerScores();
        for (int layer = 0; layer < scores.length; layer++) {
            out.append("<rect class=\"h").append(bin(scores[layer])).append("\" x=\"")
                    .append(LABEL_WIDTH + layer * cell).append("\" width=\"").append(cell)
                    .append("\" height=\"").append(ROW_HEIGHT).append("\"><title>").append(code).append(" layer ")
                    .append(layer).append(": ").append(ScoreFormat.score(scores[layer])).append("</title></rect>");
        }
        out.append("</g>\n");
    }

    private static void legend(StringBuilder out) {
        int width = BINS * LEGEND_SWATCH;
        out.append("<svg class=\"legend\" role=\"img\" aria-label=\"Colour scale: darker is a lower score, from 0.0 to"
                + " 1.0 in steps of 0.1\" viewBox=\"0 0 ").append(width + 2 * LEGEND_INSET).append(" 34\" width=\"")
                .append(width + 2 * LEGEND_INSET).append("\" height=\"34\">");
        for (int bin = 0; bin < BINS; bin++) {
            out.append("<rect class=\"h").append(bin).append("\" x=\"").append(LEGEND_INSET + bin * LEGEND_SWATCH)
                    .append("\" width=\"").append(LEGEND_SWATCH).append("\" height=\"14\"/>");
        }
        for (int bin = 0; bin <= BINS; bin++) {
            out.append("<text x=\"").append(LEGEND_INSET + bin * LEGEND_SWATCH).append("\" y=\"30\">")
                    .append(String.format(java.util.Locale.ROOT, "%.1f", (double) bin / BINS)).append("</text>");
        }
        out.append("</svg>\n");
    }

    /**
     * @param score a score in [0, 1]
     * @return its colour bin, 0 to {@link #BINS} - 1
     */
    static int bin(double score) {
        return (int) Math.max(0, Math.min(BINS - 1, Math.floor(score * BINS)));
    }
}
