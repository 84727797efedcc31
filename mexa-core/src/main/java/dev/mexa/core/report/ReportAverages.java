package dev.mexa.core.report;

import dev.mexa.core.score.Pooling;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * Averages over a report's languages, the pivot excluded (it scores 1.0 by definition), so that a run can be set
 * beside the paper's and the leaderboard's averages.
 *
 * @param languages how many non-pivot languages were scored
 * @param scored the mean of their configured (gate) scores, or {@code null} when none was scored
 * @param gatedLanguages how many of them the gate checked
 * @param gated the mean of the gated languages' scores, or {@code null} when none was gated
 * @param mean the mean of their mean-pooled scores, or {@code null} when unknown
 * @param max the mean of their max-pooled scores, or {@code null} when unknown
 */
public record ReportAverages(int languages, Double scored, int gatedLanguages, Double gated, Double mean,
        Double max) {

    /**
     * @param report the report
     * @return its averages
     */
    public static ReportAverages of(MexaReport report) {
        List<LanguageResult> targets = report.languages().values().stream().filter(result -> !result.pivot())
                .toList();
        List<LanguageResult> gated = targets.stream().filter(result -> result.verdict() != Verdict.NOT_GATED)
                .toList();
        return new ReportAverages(targets.size(), average(targets, LanguageResult::score), gated.size(),
                average(gated, LanguageResult::score),
                average(targets, result -> PooledScores.of(report, result).of(Pooling.MEAN)),
                average(targets, result -> PooledScores.of(report, result).of(Pooling.MAX)));
    }

    /**
     * @return the averages in one sentence, e.g. {@code Average over 3 languages (pivot excluded): 0.433
     *     (mean-pooled 0.433, max-pooled 0.600); over the 2 gated: 0.410.}
     */
    public String sentence() {
        if (languages() == 0) {
            return "No language besides the pivot was scored.";
        }
        StringBuilder line = new StringBuilder("Average over ").append(languages())
                .append(languages() == 1 ? " language" : " languages").append(" (pivot excluded): ")
                .append(ScoreFormat.score(scored()));
        if (mean() != null) {
            line.append(" (mean-pooled ").append(ScoreFormat.score(mean())).append(", max-pooled ")
                    .append(ScoreFormat.score(max())).append(')');
        }
        if (gated() != null) {
            line.append("; over the ").append(gatedLanguages()).append(" gated: ")
                    .append(ScoreFormat.score(gated()));
        }
        return line.append('.').toString();
    }

    private static Double average(Collection<LanguageResult> results, Function<LanguageResult, Double> score) {
        List<Double> values = results.stream().map(score).toList();
        if (values.isEmpty() || values.stream().anyMatch(Objects::isNull)) {
            return null;
        }
        return values.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
    }
}
