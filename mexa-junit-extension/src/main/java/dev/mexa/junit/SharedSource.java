package dev.mexa.junit;

import dev.mexa.core.embedding.EmbeddingSource;
import dev.mexa.core.evaluate.EvaluationInput;
import dev.mexa.core.evaluate.EvaluationPlan;
import dev.mexa.core.evaluate.EvaluationSettings;
import dev.mexa.core.evaluate.MexaEvaluator;
import dev.mexa.core.report.MexaReport;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One {@link EvaluationInput} shared by every test class of a JVM run: opened on first use (corpus and configuration
 * read; a model's weights load with the first evaluation) and kept until the root extension context closes this
 * resource, and each distinct {@link EvaluationSettings} is evaluated once. Evaluations are serialized, so concurrent
 * test classes wait for the one run they share.
 *
 * <p>Implements both {@link AutoCloseable} (closed by JUnit 5.13 and later) and the older
 * {@link ExtensionContext.Store.CloseableResource} (JUnit 5.10 to 5.12); either way it releases the source once.
 */
@SuppressWarnings("deprecation") // CloseableResource keeps JUnit 5.10 to 5.12 closing the source
final class SharedSource implements ExtensionContext.Store.CloseableResource, AutoCloseable {

    private final EvaluationInput input;
    private final JulMexaLog log = new JulMexaLog();
    private final Map<EvaluationSettings, MexaReport> reports = new HashMap<>();
    private final Map<EvaluationSettings, RuntimeException> failures = new HashMap<>();
    private EmbeddingSource source;
    private RuntimeException openFailure;
    private boolean closed;

    /** @param input the model or embeddings, opened on first use */
    SharedSource(EvaluationInput input) {
        this.input = input;
    }

    /**
     * Checks settings against the input, opening it if needed; no model runs.
     *
     * @param settings what to score
     * @return the plan
     * @throws ExtensionConfigurationException when a requested language is not available
     * @throws dev.mexa.core.MexaException when the input cannot be read
     */
    synchronized EvaluationPlan plan(EvaluationSettings settings) {
        EmbeddingSource opened = source();
        return EvaluationConfiguration.configured(() -> EvaluationPlan.of(settings, opened));
    }

    /**
     * @param plan what to score, from {@link #plan}
     * @return the report, evaluated on the first call with these settings and remembered
     */
    synchronized MexaReport report(EvaluationPlan plan) {
        EvaluationSettings settings = plan.settings();
        RuntimeException failure = failures.get(settings);
        if (failure != null) {
            // classes sharing these settings get the first failure instead of running the model again
            throw failure;
        }
        MexaReport report = reports.get(settings);
        if (report == null) {
            log.info("Evaluating MEXA alignment of " + input.description() + " against " + settings.pivot());
            try {
                report = new MexaEvaluator().evaluate(source(), plan, log);
            } catch (RuntimeException e) {
                failures.put(settings, e);
                throw e;
            }
            reports.put(settings, report);
        }
        return report;
    }

    private EmbeddingSource source() {
        if (closed) {
            throw new IllegalStateException("The MEXA " + input.description() + " was already closed.");
        }
        if (openFailure != null) {
            // every class sharing this input gets the first failure instead of reading it again
            throw openFailure;
        }
        if (source == null) {
            log.info("Loading MEXA " + input.description());
            try {
                source = input.open(log);
            } catch (RuntimeException e) {
                openFailure = e;
                throw e;
            }
        }
        return source;
    }

    /** Releases the model or files, once; later calls do nothing. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (source != null) {
            source.close();
            log.fine("Released MEXA " + input.description());
        }
    }
}
