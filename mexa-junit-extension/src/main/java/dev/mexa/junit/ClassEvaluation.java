package dev.mexa.junit;

import dev.mexa.core.gate.QualityGate;
import dev.mexa.core.report.MexaReport;
import dev.mexa.core.report.ReportWriter;
import dev.mexa.core.report.ScoreFormat;
import dev.mexa.core.report.ScoreTable;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;

/**
 * The report of one test class: its {@link MexaEvaluation} evaluated through the {@link SharedSource} in the root
 * store (so each distinct configuration runs once per JVM), gated with the class's own {@link MinScore}s, and kept in
 * the class's store.
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
        Path directory = ProjectDirectory.get().resolve("target").resolve("mexa")
                .resolve(context.getRequiredTestClass().getName());
        ReportWriter.write(report, directory);
        ScoreTable.lines(report).forEach(LOG::info);
        LOG.info("MEXA reports written to " + directory);
    }

    private static MexaReport evaluate(ExtensionContext classContext) {
        MinScoreRules rules = MinScoreRules.collect(classContext);
        MexaEvaluation annotation = TestAnnotations.evaluation(classContext)
                .orElseThrow(rules::withoutEvaluation);
        EvaluationConfiguration configuration = EvaluationConfiguration.of(annotation);
        configuration.input().missing().ifPresent(missing -> {
            throw new ExtensionConfigurationException(missing + ", and @MexaEvaluation(failIfMissing = true)"
                    + " requires it.");
        });
        SharedSource source = classContext.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(
                configuration.input(), SharedSource::new, SharedSource.class);
        configuration.requireAvailable(source.languages(), configuration.input().description());
        MexaReport report = source.report(configuration.settings());
        return rules.isEmpty() ? report : QualityGate.check(report, rules.gateRules(report)).report();
    }
}
