package dev.mexa.junit;

import dev.mexa.core.report.MexaReport;
import org.assertj.core.api.AbstractAssert;

/** AssertJ assertions on a MEXA report; failures carry the quality gate's lines, as the Maven plugin logs them. */
public final class MexaReportAssert extends AbstractAssert<MexaReportAssert, MexaReport> {

    /** @param actual the report under test */
    public MexaReportAssert(MexaReport actual) {
        super(actual, MexaReportAssert.class);
    }

    /**
     * Verifies that a language scores at least {@code minimum}.
     *
     * @param language a scored language other than the pivot
     * @param minimum the minimum score, in [0, 1]
     * @return this assertion
     * @throws IllegalArgumentException when the minimum is outside [0, 1]
     */
    public MexaReportAssert hasMinScore(String language, double minimum) {
        isNotNull();
        if (!actual.languages().containsKey(language)) {
            failWithMessage("Expecting the MEXA report to score %s, but it scores only %s", language,
                    String.join(", ", actual.languages().keySet()));
        }
        if (language.equals(actual.pivot())) {
            failWithMessage("%s is the pivot of the MEXA report, which scores 1.0 by definition and is never gated",
                    language);
        }
        GateFailure.message(actual, GateFailure.minimum(language, minimum))
                .ifPresent(message -> failWithMessage("%s", message));
        return myself;
    }
}
