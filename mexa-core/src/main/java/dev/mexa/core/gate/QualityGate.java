package dev.mexa.core.gate;

import dev.mexa.core.report.MexaReport;

/** Applies {@link GateRules} to a report: the one place where thresholds and regressions are judged. */
public final class QualityGate {

    private QualityGate() {
    }

    /**
     * @param report an evaluated report
     * @param rules the rules
     * @return the gated report, violation lines and summary
     * @throws dev.mexa.core.MexaException for rules that cannot apply (a threshold for a language absent from the
     *     report, a value outside [0, 1], a baseline made with another pivot, embedding or pooling)
     */
    public static GateResult check(MexaReport report, GateRules rules) {
        throw new UnsupportedOperationException("quality gate not implemented yet");
    }
}
