package dev.mexa.junit;

import dev.mexa.core.MexaException;
import dev.mexa.core.gate.GateRules;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.HierarchyTraversalMode;
import org.junit.platform.commons.support.ReflectionSupport;

/**
 * {@link MinScore}s mapped onto mexa-core's {@link GateRules}, each threshold named by where it is written so that
 * mexa-core's message for a rule it breaks names the annotation: those that apply to one test (of the enclosing
 * classes, then of the class, then of the method, a later one replacing an earlier one for the same language), or
 * every one declared in a test class, for the request to check them all before the class's evaluation runs.
 */
final class MinScoreRules {

    private final Map<String, Double> thresholds = new LinkedHashMap<>();
    private final Map<String, String> origins = new LinkedHashMap<>();
    private final List<GateRules> declared = new ArrayList<>();

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
        TestAnnotations.elements(context).forEach(rules::add);
        return rules;
    }

    /**
     * @param classContext the context of a test class
     * @return every minimum score declared on the class, the classes enclosing it and its test methods
     * @throws ExtensionConfigurationException as {@link #collect} does
     */
    static MinScoreRules declaredIn(ExtensionContext classContext) {
        MinScoreRules rules = collect(classContext);
        ReflectionSupport.findMethods(classContext.getRequiredTestClass(),
                method -> !AnnotationSupport.findRepeatableAnnotations(method, MinScore.class).isEmpty(),
                HierarchyTraversalMode.TOP_DOWN).forEach(rules::add);
        return rules;
    }

    private void add(AnnotatedElement element) {
        Map<String, Double> own = new LinkedHashMap<>();
        for (MinScore minScore : AnnotationSupport.findRepeatableAnnotations(element, MinScore.class)) {
            String origin = describe(minScore, element);
            if (minScore.language().isBlank()) {
                throw new ExtensionConfigurationException(origin + ": language must not be blank.");
            }
            GateRules rule;
            try {
                rule = GateRules.builder().threshold(minScore.language(), minScore.value(), origin).build();
            } catch (MexaException e) {
                // the message names the annotation
                throw new ExtensionConfigurationException(e.getMessage(), e);
            }
            if (own.put(minScore.language(), minScore.value()) != null) {
                throw new ExtensionConfigurationException(origin + ": " + name(element) + " declares more than"
                        + " one @MinScore for " + minScore.language() + "; keep one.");
            }
            thresholds.put(minScore.language(), minScore.value());
            origins.put(minScore.language(), origin);
            declared.add(rule);
        }
    }

    /** @return whether no minimum applies */
    boolean isEmpty() {
        return thresholds.isEmpty();
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

    /** @return each minimum on its own, for the request to check against what is scored before anything runs */
    List<GateRules> declared() {
        return declared;
    }

    /**
     * @return the rules for the quality gate, values already checked, with the default {@code minSentences} (the
     *     request sets that of {@link MexaEvaluation#minSentences()})
     */
    GateRules gateRules() {
        GateRules.Builder rules = GateRules.builder();
        thresholds.forEach((language, value) -> rules.threshold(language, value, origins.get(language)));
        return rules.build();
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
