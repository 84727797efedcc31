package dev.mexa.junit;

import dev.mexa.core.gate.Fraction;
import dev.mexa.core.gate.GateRules;
import dev.mexa.core.report.MexaReport;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The {@link MinScore}s that apply to a test or class: those of the enclosing classes, then of the class, then of the
 * method, a later one replacing an earlier one for the same language.
 */
final class MinScoreRules {

    private final Map<String, Double> thresholds = new LinkedHashMap<>();
    private final Map<String, String> origins = new LinkedHashMap<>();

    private MinScoreRules() {
    }

    /**
     * @param context a context of a test or a class
     * @return the minimum scores that apply there
     * @throws ExtensionConfigurationException for a blank language, a value outside [0, 1] or a language given twice
     *     on one element
     */
    static MinScoreRules collect(ExtensionContext context) {
        MinScoreRules rules = new MinScoreRules();
        for (AnnotatedElement element : TestAnnotations.elements(context)) {
            Map<String, Double> own = new LinkedHashMap<>();
            for (MinScore minScore : AnnotationSupport.findRepeatableAnnotations(element, MinScore.class)) {
                String origin = describe(minScore, element);
                if (minScore.language().isBlank()) {
                    throw new ExtensionConfigurationException(origin + ": language must not be blank.");
                }
                if (!Fraction.inRange(minScore.value())) {
                    throw new ExtensionConfigurationException(origin + ": value must be within [0, 1].");
                }
                if (own.put(minScore.language(), minScore.value()) != null) {
                    throw new ExtensionConfigurationException(origin + ": " + name(element) + " declares more than"
                            + " one @MinScore for " + minScore.language() + "; keep one.");
                }
                rules.thresholds.put(minScore.language(), minScore.value());
                rules.origins.put(minScore.language(), origin);
            }
        }
        return rules;
    }

    /** @return whether no minimum applies */
    boolean isEmpty() {
        return thresholds.isEmpty();
    }

    /** @return language to minimum score */
    Map<String, Double> thresholds() {
        return Collections.unmodifiableMap(thresholds);
    }

    /**
     * @return the error for minimum scores (or the extension registered by hand) without a {@link MexaEvaluation}
     *     to evaluate them on
     */
    ExtensionConfigurationException withoutEvaluation() {
        String user = isEmpty() ? "MexaExtension" : origins.values().iterator().next();
        return new ExtensionConfigurationException(user + " needs @MexaEvaluation on the test class (or an enclosing"
                + " class) to say what to evaluate.");
    }

    /**
     * @param report the evaluated report
     * @return the rules for the quality gate
     * @throws ExtensionConfigurationException when a minimum names the pivot or a language the report lacks
     */
    GateRules gateRules(MexaReport report) {
        origins.forEach((language, origin) -> {
            if (language.equals(report.pivot())) {
                throw new ExtensionConfigurationException(origin + ": " + language + " is the pivot, which scores 1.0"
                        + " by definition and is never gated; remove this @MinScore.");
            }
            if (!report.languages().containsKey(language)) {
                throw new ExtensionConfigurationException(origin + ": " + language + " is not among the evaluated"
                        + " languages (" + String.join(", ", report.languages().keySet()) + "); fix the code or add"
                        + " it to the corpus and to @MexaEvaluation(languages).");
            }
        });
        return new GateRules(null, thresholds, null, null, null);
    }

    private static String describe(MinScore minScore, AnnotatedElement element) {
        return "@MinScore(language = \"" + minScore.language() + "\", value = " + minScore.value() + ") on "
                + name(element);
    }

    private static String name(AnnotatedElement element) {
        if (element instanceof Method method) {
            return method.getDeclaringClass().getSimpleName() + "." + method.getName() + "()";
        }
        return ((Class<?>) element).getSimpleName();
    }
}
