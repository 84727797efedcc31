package dev.mexa.core.gate;

import dev.mexa.core.report.MexaReport;
import dev.mexa.core.report.ReportFixture;

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
        ReportFixture report = ReportFixture.report().pivot(pivot).embedding(embedding).pooling(pooling);
        for (int i = 0; i < scores.length; i += 2) {
            report.score((String) scores[i], ((Number) scores[i + 1]).doubleValue());
        }
        return report.build();
    }
}
