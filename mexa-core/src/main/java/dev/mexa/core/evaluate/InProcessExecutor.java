package dev.mexa.core.evaluate;

import dev.mexa.core.MexaLog;
import dev.mexa.core.embedding.EmbeddingSource;
import dev.mexa.core.report.MexaReport;

/**
 * Scores a request in this JVM: opens its input (corpus and configuration read, weights not yet loaded), plans and
 * checks the request against it, then embeds and scores. An embeddings cache wraps the opened
 * {@link EmbeddingSource} here, so that its per-language {@link EmbeddingSource#embed} step is served from the cache
 * and a fully cached run never loads the model.
 */
public final class InProcessExecutor implements EvaluationExecutor {

    @Override
    public MexaReport score(EvaluationRequest request, MexaLog log) {
        try (EmbeddingSource source = request.input().open(log)) {
            return new MexaEvaluator().evaluate(source, plan(request, source), log);
        }
    }

    /**
     * Checks a request against an opened source: its languages, its gate and its later gates. Nothing is embedded.
     * The forked scorer ({@link dev.mexa.core.evaluate.fork.ForkedExecutor}) checks with it before it forks.
     *
     * @param request the request
     * @param source its opened input
     * @return what to embed and score
     * @throws dev.mexa.core.MexaConfigurationException naming the setting at fault
     */
    public static EvaluationPlan plan(EvaluationRequest request, EmbeddingSource source) {
        EvaluationPlan plan = EvaluationPlan.of(request.settings(), source);
        plan.check(request.gate());
        request.laterGates().forEach(plan::check);
        return plan;
    }
}
