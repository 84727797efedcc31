package dev.mexa.core.gate;

import dev.mexa.core.report.MexaReport;
import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What an evaluation scores and how, known before it runs: enough to reject gate rules that cannot apply without
 * first running a model.
 *
 * @param pivot the pivot language code
 * @param sentences every language scored, the pivot included, to the number of sentences it is scored on
 * @param embedding the embedding method id
 * @param pooling the pooling id
 * @param layerRange the layers pooled, e.g. {@code all} or {@code 8-24}
 */
public record GatePlan(String pivot, SortedMap<String, Integer> sentences, String embedding, String pooling,
        String layerRange) {

    /** Copies the sentence counts, sorted by language. */
    public GatePlan {
        sentences = Collections.unmodifiableSortedMap(new TreeMap<>(sentences));
    }

    /**
     * @param pivot the pivot language code
     * @param sentences every language scored, the pivot included, to the number of sentences it is scored on
     * @param embedding the embedding method id
     * @param pooling the pooling id
     * @param layerRange the layers pooled
     * @return the plan
     */
    public static GatePlan of(String pivot, Map<String, Integer> sentences, String embedding, String pooling,
            String layerRange) {
        return new GatePlan(pivot, new TreeMap<>(sentences), embedding, pooling, layerRange);
    }

    /**
     * @param report an evaluated report
     * @return the plan it was made with
     */
    public static GatePlan of(MexaReport report) {
        Map<String, Integer> sentences = new TreeMap<>();
        report.languages().values().forEach(result -> sentences.put(result.language(), result.sentences()));
        return of(report.pivot(), sentences, report.embedding(), report.pooling(), report.layerRange());
    }

    /** @return every language scored, the pivot included, sorted */
    public SortedSet<String> languages() {
        return Collections.unmodifiableSortedSet(new TreeSet<>(sentences.keySet()));
    }
}
