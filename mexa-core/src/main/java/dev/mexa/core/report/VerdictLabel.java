package dev.mexa.core.report;

/**
 * The words and style class that show a language's verdict in the log table, the Markdown summary, the HTML report
 * and the site page, so that they agree and colour is never the only signal. Declared in
 * the order a verdict column sorts in: failures first.
 */
public enum VerdictLabel {
    /** A rule is violated. */
    FAIL("FAIL", "fail"),
    /** Every rule holds. */
    PASS("pass", "pass"),
    /** No rule applies. */
    NOT_GATED("not gated", "ungated"),
    /** The pivot language, 1.0 by definition. */
    PIVOT("pivot", "pivot");

    private final String text;
    private final String cssClass;

    VerdictLabel(String text, String cssClass) {
        this.text = text;
        this.cssClass = cssClass;
    }

    /**
     * @param result a language's result
     * @return its label
     */
    public static VerdictLabel of(LanguageResult result) {
        if (result.pivot()) {
            return PIVOT;
        }
        return switch (result.verdict()) {
            case PASS -> PASS;
            case FAIL -> FAIL;
            case NOT_GATED -> NOT_GATED;
        };
    }

    /** @return the word shown to readers */
    public String text() {
        return text;
    }

    /** @return the CSS class of bars, rows and badges with this verdict in the HTML report */
    public String cssClass() {
        return cssClass;
    }
}
