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
 *   <li>disables the tests when the model, corpus or embeddings directory is absent (or fails them with
 *       {@code failIfMissing = true});</li>
 *   <li>before a class's tests, evaluates once per distinct configuration per JVM, publishes a report entry per
 *       language and writes the reports to {@code target/mexa/<test class>/};</li>
 *   <li>before each test, fails it with the quality gate's lines when a language falls below its
 *       {@link MinScore};</li>
 *   <li>injects {@link dev.mexa.junit.MexaReport} and mexa-core's {@link MexaReport} parameters.</li>
 * </ul>
 *
 * Misuse fails with an {@link ExtensionConfigurationException} naming the attribute at fault.
 */
public final class MexaExtension implements ExecutionCondition, BeforeAllCallback, BeforeEachCallback,
        ParameterResolver {

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        MinScoreRules rules = MinScoreRules.collect(context);
        Optional<MexaEvaluation> annotation = TestAnnotations.evaluation(context);
        if (annotation.isEmpty()) {
            String user = rules.isEmpty() ? "MexaExtension" : rules.firstOrigin();
            throw new ExtensionConfigurationException(user + " needs @MexaEvaluation on the test class (or an"
                    + " enclosing class) to say what to evaluate.");
        }
        EvaluationConfiguration configuration = EvaluationConfiguration.of(annotation.get());
        Optional<String> missing = configuration.input().missing();
        if (missing.isEmpty()) {
            return ConditionEvaluationResult.enabled("MEXA input present");
        }
        if (configuration.failIfMissing()) {
            throw new ExtensionConfigurationException(missing.get() + ", and @MexaEvaluation(failIfMissing = true)"
                    + " requires it.");
        }
        return ConditionEvaluationResult.disabled(missing.get() + ": MEXA tests disabled (set"
                + " @MexaEvaluation(failIfMissing = true) to fail instead).");
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        ClassEvaluation.publish(context);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        MinScoreRules rules = MinScoreRules.collect(context);
        if (!rules.isEmpty()) {
            MexaReport report = ClassEvaluation.report(context);
            GateFailure.message(report, rules.gateRules(report)).ifPresent(Assertions::fail);
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        Class<?> type = parameterContext.getParameter().getType();
        return type == dev.mexa.junit.MexaReport.class || type == MexaReport.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        MexaReport report = ClassEvaluation.report(extensionContext);
        return parameterContext.getParameter().getType() == MexaReport.class ? report
                : new dev.mexa.junit.MexaReport(report);
    }
}
