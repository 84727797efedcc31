package dev.mexa.junit;

import dev.mexa.core.MexaConfigurationException;
import dev.mexa.core.evaluate.Evaluation;
import dev.mexa.core.evaluate.EvaluationRequest;
import dev.mexa.core.gate.GateRules;
import dev.mexa.core.report.MexaReport;
import dev.mexa.core.report.ScoreFormat;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;

/**
 * The report of one test class: its {@link MexaEvaluation} and every {@link MinScore} of the class and its tests
 * mapped onto one request, run through mexa-core's {@link Evaluation#run} on the {@link SharedSource} of its input in
 * the root store (so each distinct configuration runs once per JVM, and every {@link MinScore} is checked against what
 * is scored before anything is embedded), gated with the class's own {@link MinScore}s, and kept in the class's
 * store.
 */
final class ClassEvaluation {

    private static final Namespace NAMESPACE = Namespace.create(MexaExtension.class);
    private static final JulMexaLog LOG = new JulMexaLog();

    private ClassEvaluation() {
    }

    /**
     * @param context a context of a test or a class
     * @return the report of the class holding it, evaluated on first use
     * @throws ExtensionConfigurationException when the class has no {@link MexaEvaluation} or it cannot apply
     */
    static MexaReport report(ExtensionContext context) {
        ExtensionContext classContext = TestAnnotations.classContext(context);
        return classContext.getStore(NAMESPACE).getOrComputeIfAbsent(classContext.getRequiredTestClass(),
                type -> evaluate(classContext), MexaReport.class);
    }

    /**
     * Publishes one report entry per language (code to score) and writes the reports to
     * {@code target/mexa/<test class>/} under the project directory.
     *
     * @param context the context of a test class
     */
    static void publish(ExtensionContext context) {
        MexaReport report = report(context);
        report.languages().values().stream().filter(result -> !result.pivot())
                .forEach(result -> context.publishReportEntry(result.language(), ScoreFormat.score(result.score())));
        Evaluation.publish(report, reportDirectory(context), LOG);
    }

    /**
     * @param context a context of a test or a class
     * @param declared the {@link MinScore}s that apply there
     * @return them as the gate rules of the class's report: with the fewest sentences a gated score may rest on, as
     *     the class's {@link MexaEvaluation} says, and for a shard without the minimums of other shards' languages
     */
    static GateRules gateRules(ExtensionContext context, MinScoreRules declared) {
        ExtensionContext classContext = TestAnnotations.classContext(context);
        EvaluationRequest request = EvaluationConfiguration.of(annotation(classContext,
                MinScoreRules.declaredIn(classContext))).request();
        return Evaluation.shardRules(declared.gateRules().withMinSentences(request.gate().minSentences()),
                request.settings().shard(), report(context), LOG);
    }

    private static Path reportDirectory(ExtensionContext classContext) {
        return ProjectDirectory.get().resolve("target").resolve("mexa")
                .resolve(classContext.getRequiredTestClass().getName());
    }

    private static MexaEvaluation annotation(ExtensionContext classContext, MinScoreRules declared) {
        return TestAnnotations.evaluation(classContext).orElseThrow(declared::withoutEvaluation);
    }

    private static MexaReport evaluate(ExtensionContext classContext) {
        MinScoreRules declared = MinScoreRules.declaredIn(classContext);
        EvaluationConfiguration configuration = EvaluationConfiguration.of(annotation(classContext, declared),
                MinScoreRules.collect(classContext).gateRules(), declared.declared());
        Evaluation.removePreviousReports(reportDirectory(classContext), LOG);
        configuration.missing().ifPresent(missing -> {
            throw new ExtensionConfigurationException(missing + ", and @MexaEvaluation(failIfMissing = true)"
                    + " requires it.");
        });
        EvaluationRequest request = configuration.request();
        SharedSource shared = classContext.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(
                request.input(), SharedSource::new, SharedSource.class);
        try {
            return Evaluation.run(request, shared.executor(), LOG).report();
        } catch (MexaConfigurationException e) {
            throw EvaluationConfiguration.configurationError(e);
        }
    }
}
