package dev.mexa.core.gate;

import dev.mexa.core.report.LanguageResult;
import dev.mexa.core.report.MexaReport;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Small reports for gate tests: pivot eng_Latn, weighted-average embedding, mean pooling, 100 sentences. */
final class Reports {

    private Reports() {
    }

    /**
     * @param scores alternating language codes and scores, e.g. {@code "deu_Latn", 0.9}
     * @return a report with these pooled scores (one layer each) plus the pivot
     */
    static MexaReport of(Object... scores) {
        return made("eng_Latn", "weighted-average", "mean", scores);
    }

    /**
     * @param pivot the pivot
     * @param embedding the embedding method id
     * @param pooling the pooling id
     * @param scores alternating language codes and scores
     * @return a report made with these settings
     */
    static MexaReport made(String pivot, String embedding, String pooling, Object... scores) {
        Map<String, LanguageResult> languages = new LinkedHashMap<>();
        languages.put(pivot, LanguageResult.ungated(pivot, true, 100, 1.0, new double[] {1.0}));
        for (int i = 0; i < scores.length; i += 2) {
            String language = (String) scores[i];
            double score = ((Number) scores[i + 1]).doubleValue();
            languages.put(language, LanguageResult.ungated(language, false, 100, score, new double[] {score}));
        }
        return new MexaReport(pivot, embedding, pooling, 100, 1, "all", "model", "corpus", "2026-01-01T00:00:00Z", 1,
                List.of(), languages);
    }
}
