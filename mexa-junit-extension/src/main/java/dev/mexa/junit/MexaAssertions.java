package dev.mexa.junit;

import dev.mexa.core.report.MexaReport;

/**
 * AssertJ entry point for MEXA reports: {@code MexaAssertions.assertThat(report).hasMinScore("deu_Latn", 0.8)}.
 * Statically imported next to AssertJ's {@code Assertions.assertThat}, the more specific overloads here apply to
 * reports.
 */
public final class MexaAssertions {

    private MexaAssertions() {
    }

    /**
     * @param report injected scores
     * @return an assertion on it
     */
    public static MexaReportAssert assertThat(MexaScores report) {
        return new MexaReportAssert(report == null ? null : report.core());
    }

    /**
     * @param report a report of mexa-core
     * @return an assertion on it
     */
    public static MexaReportAssert assertThat(MexaReport report) {
        return new MexaReportAssert(report);
    }
}
