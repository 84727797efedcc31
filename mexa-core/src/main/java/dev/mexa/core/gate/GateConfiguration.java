package dev.mexa.core.gate;

import dev.mexa.core.MexaException;
import dev.mexa.core.report.MexaReport;
import dev.mexa.core.report.ReportJson;
import java.nio.file.Path;
import java.util.Map;

/**
 * Builds {@link GateRules} from settings as a build tool receives them (text such as {@code 0.5} or {@code 50%}, a
 * baseline file), with errors that name the setting at fault.
 */
public final class GateConfiguration {

    private GateConfiguration() {
    }

    /**
     * @param minScore the default minimum, {@code 0.5} or {@code 50%}; null or blank for none
     * @param thresholds language to minimum, already read (see {@link LanguageValues})
     * @param baseline an earlier {@code mexa-report.json}, or null
     * @param maxDrop the largest allowed drop below the baseline; null or blank for none
     * @return the rules
     * @throws MexaException naming {@code minScore}, {@code maxDrop} or {@code baseline} when one is unusable
     */
    public static GateRules rules(String minScore, Map<String, Double> thresholds, Path baseline, String maxDrop) {
        Double minimum = optionalFraction(minScore, "minScore (mexa.minScore)");
        Double drop = optionalFraction(maxDrop, "maxDrop (mexa.maxDrop)");
        GateRules.Builder rules = GateRules.builder().minScore(minimum).thresholds(thresholds).maxDrop(drop);
        if (baseline != null) {
            rules.baseline(readBaseline(baseline), baseline.getFileName().toString());
        }
        return rules.build();
    }

    private static Double optionalFraction(String text, String parameter) {
        return text == null || text.isBlank() ? null : Fraction.parse(text, parameter);
    }

    private static MexaReport readBaseline(Path baseline) {
        try {
            return ReportJson.read(baseline);
        } catch (MexaException e) {
            throw new MexaException("Invalid baseline (mexa.baseline): " + e.getMessage(), e);
        }
    }
}
