package dev.mexa.junit;

/**
 * AssertJ entry point for MEXA reports: {@code MexaAssertions.assertThat(report).hasMinScore("deu_Latn", 0.8)}.
 * Statically imported next to AssertJ's {@code Assertions.assertThat}, the more specific overloads here apply to
 * reports.
 */
public final class MexaAssertions {

    private MexaAssertions() {
    }

    /**
     * @param report an injected report
     * @return an assertion on it
     */
    public static MexaReportAssert assertThat(MexaReport report) {
        return new MexaReportAssert(report == null ? null : report.core());
    }

    /**
     * @param report a report of mexa-core
     * @return an assertion on it
     */
    public static MexaReportAssert assertThat(dev.mexa.core.report.MexaReport report) {
        return new MexaReportAssert(report);
    }
}
