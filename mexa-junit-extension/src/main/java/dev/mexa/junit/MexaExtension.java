package dev.mexa.junit;

import dev.mexa.core.report.MexaReport;
import java.util.Optional;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * The JUnit Jupiter extension behind {@link MexaEvaluation} and {@link MinScore}; registered by those annotations,
 * never by hand.
 *
 * <ul>
 *   <li>disables the tests when the model, corpus or embeddings directory is absent (with
 *       {@code failIfMissing = true}, fails them before they run instead);</li>
 *   <li>before a class's tests, checks every {@link MinScore} of the class against what will be scored (a
 *       misspelt language fails before any model loads), evaluates once per distinct configuration per JVM,
 *       publishes a report entry per
 *       language and writes the reports to {@code target/mexa/<test class>/};</li>
 *   <li>before each test, fails it with the quality gate's lines when a language falls below its
 *       {@link MinScore};</li>
 *   <li>injects {@link MexaScores} and mexa-core's {@link MexaReport} parameters.</li>
 * </ul>
 *
 * Misuse fails with an {@link ExtensionConfigurationException} naming the attribute at fault.
 */
public final class MexaExtension implements ExecutionCondition, BeforeAllCallback, BeforeEachCallback,
        ParameterResolver {

    static {
        Slf4jNotice.quietWithoutBinding(MexaExtension.class.getClassLoader(), System.getProperties());
    }

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        return TestAnnotations.evaluation(context).flatMap(MexaExtension::disabledReason)
                .map(ConditionEvaluationResult::disabled)
                .orElseGet(() -> ConditionEvaluationResult.enabled("MEXA input present or required"));
    }

    private static Optional<String> disabledReason(MexaEvaluation annotation) {
        EvaluationConfiguration configuration;
        try {
            configuration = EvaluationConfiguration.of(annotation);
        } catch (ExtensionConfigurationException e) {
            // reported by beforeAll: JUnit would wrap it if thrown here
            return Optional.empty();
        }
        if (configuration.failIfMissing()) {
            return Optional.empty();
        }
        return configuration.missing().map(missing -> missing + ": MEXA tests disabled (set"
                + " @MexaEvaluation(failIfMissing = true) to fail instead).");
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        ClassEvaluation.publish(context);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        MinScoreRules rules = MinScoreRules.collect(context);
        if (rules.isEmpty()) {
            return;
        }
        if (TestAnnotations.evaluation(context).isEmpty()) {
            throw rules.withoutEvaluation();
        }
        GateFailure.message(ClassEvaluation.report(context), ClassEvaluation.gateRules(context, rules))
                .ifPresent(Assertions::fail);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        Class<?> type = parameterContext.getParameter().getType();
        return type == MexaScores.class || type == MexaReport.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        MexaReport report = ClassEvaluation.report(extensionContext);
        return parameterContext.getParameter().getType() == MexaReport.class ? report
                : new MexaScores(report);
    }
}
