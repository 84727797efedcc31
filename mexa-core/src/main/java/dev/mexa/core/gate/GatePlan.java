package dev.mexa.core.gate;

import dev.mexa.core.report.MexaReport;
import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;

/**
 * What an evaluation scores and how, known before it runs: enough to reject gate rules that cannot apply without
 * first running a model.
 *
 * @param pivot the pivot language code
 * @param languages every language scored, the pivot included
 * @param embedding the embedding method id
 * @param pooling the pooling id
 * @param layerRange the layers pooled, e.g. {@code all} or {@code 8-24}
 */
public record GatePlan(String pivot, Set<String> languages, String embedding, String pooling, String layerRange) {

    /** Copies the languages, sorted. */
    public GatePlan {
        languages = Collections.unmodifiableSortedSet(new TreeSet<>(languages));
    }

    /**
     * @param report an evaluated report
     * @return the plan it was made with
     */
    public static GatePlan of(MexaReport report) {
        return new GatePlan(report.pivot(), report.languages().keySet(), report.embedding(), report.pooling(),
                report.layerRange());
    }
}
