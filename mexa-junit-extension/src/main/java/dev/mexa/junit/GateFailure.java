package dev.mexa.junit;

import dev.mexa.core.gate.GateResult;
import dev.mexa.core.gate.GateRules;
import dev.mexa.core.gate.QualityGate;
import dev.mexa.core.report.MexaReport;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Words a failed quality gate as a test failure: the gate's violation lines, then its summary, exactly as the Maven
 * plugin logs them. Thresholds are judged by {@link QualityGate} only, so the extension and the plugin agree.
 */
final class GateFailure {

    private GateFailure() {
    }

    /**
     * @param language a language code
     * @param minimum its minimum score
     * @return a rule with that one minimum
     * @throws dev.mexa.core.MexaException when the minimum is outside [0, 1]
     */
    static GateRules minimum(String language, double minimum) {
        return GateRules.builder().threshold(language, minimum).build();
    }

    /**
     * @param report an evaluated report
     * @param rules the minimum scores
     * @return the failure message, or empty when every rule holds
     * @throws dev.mexa.core.MexaException when a rule cannot apply to the report (a language it does not score,
     *     the pivot)
     */
    static Optional<String> message(MexaReport report, GateRules rules) {
        GateResult result = QualityGate.check(report, rules);
        if (result.passed()) {
            return Optional.empty();
        }
        List<String> lines = new ArrayList<>(result.violations());
        lines.add(result.summary());
        return Optional.of(String.join("\n", lines));
    }
}
