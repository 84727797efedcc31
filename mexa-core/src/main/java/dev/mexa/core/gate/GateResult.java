package dev.mexa.core.gate;

import dev.mexa.core.report.MexaReport;
import java.util.List;

/**
 * The outcome of the quality gate.
 *
 * @param report the report with each language's threshold, baseline, verdict and violations filled in
 * @param violations one line per violated rule, e.g. {@code Rule violated for language swh_Latn: MEXA score is
 *     0.21, but expected minimum is 0.30}
 * @param summary {@code All MEXA checks have been met (14 languages)} or {@code MEXA checks have not been met (2 of
 *     14 languages)}
 */
public record GateResult(MexaReport report, List<String> violations, String summary) {

    /** Copies the list. */
    public GateResult {
        violations = List.copyOf(violations);
    }

    /** @return whether every rule held */
    public boolean passed() {
        return violations.isEmpty();
    }
}
