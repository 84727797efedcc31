package dev.mexa.core.report.html;

import java.util.Locale;

/**
 * Shared pieces of the report's inline SVG figures: the opening tag with its accessible title, the failure hatching,
 * and coordinates.
 */
final class Svg {

    private Svg() {
    }

    /**
     * Opens a figure as an {@code <svg role="img">} labelled by its {@code <title>}.
     *
     * @param out where the markup goes
     * @param id the element id, also the prefix of the title's id
     * @param cssClass the style class
     * @param width width in pixels, also the view box width
     * @param height height in pixels, also the view box height
     * @param titleHtml the title, already escaped
     */
    static void open(StringBuilder out, String id, String cssClass, int width, int height, String titleHtml) {
        out.append("<svg id=\"").append(id).append("\" class=\"").append(cssClass)
                .append("\" role=\"img\" aria-labelledby=\"").append(id).append("-title\" viewBox=\"0 0 ")
                .append(width).append(' ').append(height).append("\" width=\"").append(width).append("\" height=\"")
                .append(height).append("\">\n<title id=\"").append(id).append("-title\">").append(titleHtml)
                .append("</title>\n");
    }

    /**
     * Defines the red hatching that marks failing bars, so that they read as such in greyscale too.
     *
     * @param out where the markup goes
     * @param id the pattern's id, for {@code fill: url(#id)}
     */
    static void hatching(StringBuilder out, String id) {
        out.append("<defs><pattern id=\"").append(id).append("\" width=\"6\" height=\"6\""
                + " patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\">"
                + "<rect class=\"hatch-ground\" width=\"6\" height=\"6\"/>"
                + "<line class=\"hatch-line\" x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\"/></pattern></defs>\n");
    }

    /**
     * @param value a coordinate or length
     * @return it with at most one decimal, dot separator, no trailing {@code .0}: e.g. {@code 12}, {@code 12.5}
     */
    static String format(double value) {
        long tenths = Math.round(value * 10);
        return tenths % 10 == 0 ? Long.toString(tenths / 10) : String.format(Locale.ROOT, "%.1f", tenths / 10.0);
    }
}
