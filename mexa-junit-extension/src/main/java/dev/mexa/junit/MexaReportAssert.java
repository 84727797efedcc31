package dev.mexa.junit;

import dev.mexa.core.MexaException;
import dev.mexa.core.gate.GateRules;
import dev.mexa.core.report.MexaReport;
import java.util.Optional;
import org.assertj.core.api.AbstractAssert;

/** AssertJ assertions on a MEXA report; failures carry the quality gate's lines, as the Maven plugin logs them. */
public final class MexaReportAssert extends AbstractAssert<MexaReportAssert, MexaReport> {

    /** @param actual the report under test */
    public MexaReportAssert(MexaReport actual) {
        super(actual, MexaReportAssert.class);
    }

    /**
     * Verifies that a language scores at least {@code minimum}; a language the report does not score, or the pivot,
     * fails with the quality gate's message for that rule.
     *
     * @param language a scored language other than the pivot
     * @param minimum the minimum score, in [0, 1]
     * @return this assertion
     * @throws MexaException when the minimum is outside [0, 1]
     */
    public MexaReportAssert hasMinScore(String language, double minimum) {
        isNotNull();
        GateRules rule = GateFailure.minimum(language, minimum);
        Optional<String> failure;
        try {
            failure = GateFailure.message(actual, rule);
        } catch (MexaException e) {
            failure = Optional.of(e.getMessage());
        }
        failure.ifPresent(message -> failWithMessage("%s", message));
        return myself;
    }
}
