package dev.mexa.core.report.html;

import dev.mexa.core.report.MexaReport;

/** The one-sentence outcome of a report's gate, as both the HTML report and the site page state it. */
public enum ReportOutcome {
    /** Every gated language passed. */
    PASSED("pass"),
    /** At least one gated language failed. */
    FAILED("fail"),
    /** No language was gated. */
    UNGATED("ungated");

    private final String cssClass;

    ReportOutcome(String cssClass) {
        this.cssClass = cssClass;
    }

    /**
     * @param report a report
     * @return its outcome
     */
    public static ReportOutcome of(MexaReport report) {
        if (report.gated().isEmpty()) {
            return UNGATED;
        }
        return report.failures().isEmpty() ? PASSED : FAILED;
    }

    /**
     * @param report the report this is the outcome of
     * @return e.g. {@code MEXA checks have not been met (2 of 14 languages)}
     */
    public String sentence(MexaReport report) {
        return switch (this) {
            case PASSED -> "All MEXA checks have been met (" + report.gated().size() + " languages)";
            case FAILED -> "MEXA checks have not been met (" + report.failures().size() + " of "
                    + report.gated().size() + " languages)";
            case UNGATED -> "No thresholds were checked (" + report.languages().size() + " languages scored)";
        };
    }

    /** @return the style class of the outcome banner */
    String cssClass() {
        return cssClass;
    }
}
