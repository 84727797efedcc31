package dev.mexa.core.evaluate;

import dev.mexa.core.MexaLog;
import dev.mexa.core.embedding.EmbeddingSource;
import dev.mexa.core.report.MexaReport;
import java.util.HashMap;
import java.util.Map;

/**
 * Scores the requests of one {@link EvaluationInput} in this JVM, sharing what they have in common: the input is
 * opened on the first request (corpus and configuration read; a model's weights load with the first evaluation) and
 * kept open until {@link #close()}, each distinct {@link EvaluationSettings} is scored once and its report handed to
 * later requests, and a failure to open or to score is remembered and thrown again to the requests that share it,
 * instead of reading the input or running the model again. Every request is still planned, and its gates checked,
 * against the open source before anything is embedded. Requests are serialized, so concurrent callers wait for the
 * one run they share.
 *
 * <p>The JUnit extension keeps one per distinct input for a whole test run; {@link InProcessExecutor} is the
 * one-request form the Maven plugin uses.
 */
public final class SharedInputExecutor implements EvaluationExecutor, AutoCloseable {

    private final EvaluationInput input;
    private final Map<EvaluationSettings, MexaReport> reports = new HashMap<>();
    private final Map<EvaluationSettings, RuntimeException> failures = new HashMap<>();
    private EmbeddingSource source;
    private RuntimeException openFailure;
    private boolean closed;

    /** @param input the model or embeddings every request names, opened on first use */
    public SharedInputExecutor(EvaluationInput input) {
        this.input = input;
    }

    /**
     * @throws IllegalArgumentException when the request names another input
     * @throws IllegalStateException after {@link #close()}
     */
    @Override
    public synchronized MexaReport score(EvaluationRequest request, MexaLog log) {
        if (!input.equals(request.input())) {
            throw new IllegalArgumentException("This executor scores " + input.description() + ", not "
                    + request.input().description());
        }
        EvaluationPlan plan = InProcessExecutor.plan(request, source(log));
        EvaluationSettings settings = request.settings();
        RuntimeException failure = failures.get(settings);
        if (failure != null) {
            throw failure;
        }
        MexaReport report = reports.get(settings);
        if (report == null) {
            log.info("Evaluating MEXA alignment of " + input.description() + " against " + settings.pivot());
            try {
                report = new MexaEvaluator().evaluate(source, plan, log);
            } catch (RuntimeException e) {
                failures.put(settings, e);
                throw e;
            }
            reports.put(settings, report);
        }
        return report;
    }

    private EmbeddingSource source(MexaLog log) {
        if (closed) {
            throw new IllegalStateException("The MEXA " + input.description() + " was already closed.");
        }
        if (openFailure != null) {
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

    /** @return whether the input was opened and is held until {@link #close()} */
    public synchronized boolean opened() {
        return source != null && !closed;
    }

    /** Releases the model or files, once; later calls do nothing, later requests fail. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (source != null) {
            source.close();
        }
    }
}
