package dev.mexa.core.evaluate;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import dev.mexa.core.DjlEngine;
import dev.mexa.core.MexaException;
import dev.mexa.core.MexaLog;
import dev.mexa.core.embedding.EmbeddingSource;
import dev.mexa.core.report.LanguageResult;
import dev.mexa.core.report.MexaReport;
import dev.mexa.core.score.AlignmentCounts;
import dev.mexa.core.score.AlignmentScorer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs MEXA over an {@link EmbeddingSource} as an {@link EvaluationPlan} says: embeds the pivot once, then each target
 * language in turn (only the pivot's and the current language's embeddings are held at any time), scores it and
 * pools the layer scores. Each language's embeddings come from one {@link EmbeddingSource#embed} call: the step an
 * embeddings cache wraps.
 */
public final class MexaEvaluator {

    private final AlignmentScorer scorer = new AlignmentScorer();

    /**
     * @param source where embeddings come from
     * @param plan what to embed and score, made from this source
     * @param log progress lines
     * @return the ungated report
     * @throws MexaException when scoring fails
     */
    public MexaReport evaluate(EmbeddingSource source, EvaluationPlan plan, MexaLog log) {
        long start = System.nanoTime();
        EvaluationSettings settings = plan.settings();
        List<String> targets = plan.targets();
        Map<String, LanguageResult> results = new LinkedHashMap<>();
        List<String> notes = new ArrayList<>();
        int pivotSentences;
        int layers;
        if (!settings.shard().isWhole()) {
            log.info("Shard " + settings.shard() + ": " + settings.pivot() + " (pivot) and " + targets.size()
                    + " of the " + (plan.sentences().size() - 1) + " requested languages: "
                    + String.join(", ", targets));
        }
        EvaluationProgress progress = new EvaluationProgress(log, targets.size() + 1);
        try (NDManager manager = NDManager.newBaseManager(source.device(), DjlEngine.NAME)) {
            long pivotStart = System.nanoTime();
            NDArray pivot = source.embed(settings.pivot(), manager);
            pivotSentences = (int) pivot.getShape().get(1);
            layers = (int) pivot.getShape().get(0);
            double[] perfect = new double[layers];
            Arrays.fill(perfect, 1.0);
            results.put(settings.pivot(), LanguageResult.ungated(settings.pivot(), true, pivotSentences, 1.0, perfect));
            progress.pivotEmbedded(settings.pivot(), pivotSentences, System.nanoTime() - pivotStart);
            notes.addAll(source.inputWarnings(settings.pivot(), true));
            for (String language : targets) {
                long languageStart = System.nanoTime();
                try (NDManager scope = manager.newSubManager()) {
                    NDArray target = source.embed(language, scope);
                    int sentences = (int) Math.min(pivotSentences, target.getShape().get(1));
                    if (target.getShape().get(1) != pivotSentences) {
                        notes.add(language + " has " + target.getShape().get(1) + " sentences and the pivot "
                                + pivotSentences + ": scored on the first " + sentences + ".");
                    }
                    AlignmentCounts counts = scorer.score(firstSentences(pivot, sentences, scope),
                            firstSentences(target, sentences, scope), language);
                    double[] layerScores = counts.scores();
                    double pooled = settings.pooling().pool(
                            settings.layerRange().select(layerScores, language));
                    if (Double.isNaN(pooled)) {
                        throw new MexaException("The MEXA score of " + language + " is NaN: check its embeddings.");
                    }
                    results.put(language, LanguageResult.ungated(language, false, sentences, pooled, layerScores));
                    progress.scored(language, pooled, sentences, System.nanoTime() - languageStart);
                    notes.addAll(source.inputWarnings(language, false));
                }
            }
            source.allEmbedded();
        }
        notes.addAll(SaturationCheck.warnings(results.values()));
        notes.forEach(log::warn);
        long millis = (System.nanoTime() - start) / 1_000_000;
        return new MexaReport(settings.pivot(), source.method().id(), settings.pooling().id(), pivotSentences,
                layers, settings.layerRange().toString(), source.description(), source.corpusDescription(),
                Instant.now().toString(), millis, notes, results);
    }

    /** The whole array when it has exactly {@code sentences}, else a slice owned by {@code scope}. */
    private static NDArray firstSentences(NDArray embeddings, int sentences, NDManager scope) {
        if (embeddings.getShape().get(1) == sentences) {
            return embeddings;
        }
        NDArray slice = embeddings.get(new NDIndex(":, :{}, :", sentences));
        slice.attach(scope);
        return slice;
    }
}
