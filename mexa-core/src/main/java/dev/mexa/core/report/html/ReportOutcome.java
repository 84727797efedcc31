package dev.mexa.core.report.html;

import dev.mexa.core.report.MexaReport;

/**
 * Which of the three outcomes a report's gate had, for styling the banner that states it in the words of
 * {@link MexaReport#gateSummary()}.
 */
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

    /** @return the style class of the outcome banner */
    String cssClass() {
        return cssClass;
    }
}
