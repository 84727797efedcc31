package dev.mexa.core.report.html;

/** The key above the bar chart: what each bar style, the threshold mark and the whisker mean. */
final class ChartKey {

    /** The key as an HTML list whose swatches use the chart's own style classes. */
    static final String HTML = "<ul class=\"key\" aria-label=\"Chart key\">"
            + item("pass", "<rect class=\"score\" width=\"22\" height=\"12\" y=\"1\"/>", "pass")
            + item("fail", "<rect class=\"score\" width=\"22\" height=\"12\" y=\"1\"/>", "FAIL (hatched)")
            + item("ungated", "<rect class=\"score\" width=\"22\" height=\"12\" y=\"1\"/>", "not gated")
            + item("pivot", "<rect class=\"score\" width=\"22\" height=\"12\" y=\"1\"/>", "pivot")
            + item("", "<line class=\"threshold\" x1=\"11\" x2=\"11\" y1=\"0\" y2=\"14\"/>", "threshold")
            + item("", "<line class=\"interval\" x1=\"2\" x2=\"20\" y1=\"7\" y2=\"7\"/>", "95% interval")
            + "</ul>\n";

    private ChartKey() {
    }

    /**
     * @param cssClass the swatch's style classes, e.g. a verdict's
     * @param swatchSvg the swatch's shapes
     * @param label the words beside it, as HTML
     * @return one key item
     */
    static String item(String cssClass, String swatchSvg, String label) {
        return "<li><svg class=\"" + ("swatch " + cssClass).trim()
                + "\" width=\"22\" height=\"14\" aria-hidden=\"true\">" + swatchSvg + "</svg> " + label + "</li>";
    }
}
