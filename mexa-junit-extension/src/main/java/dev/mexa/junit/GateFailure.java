package dev.mexa.junit;

import dev.mexa.core.gate.Fraction;
import dev.mexa.core.gate.GateResult;
import dev.mexa.core.gate.GateRules;
import dev.mexa.core.gate.QualityGate;
import dev.mexa.core.report.MexaReport;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
     * @throws IllegalArgumentException when the minimum is outside [0, 1]
     */
    static GateRules minimum(String language, double minimum) {
        if (!Fraction.inRange(minimum)) {
            throw new IllegalArgumentException("The minimum MEXA score for " + language + " is " + minimum
                    + "; it must be within [0, 1].");
        }
        return new GateRules(null, Map.of(language, minimum), null, null, null);
    }

    /**
     * @param report an evaluated report
     * @param rules the minimum scores, already checked against the report
     * @return the failure message, or empty when every rule holds
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
