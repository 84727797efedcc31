package dev.mexa.core.gate;

import dev.mexa.core.report.LanguageResult;
import dev.mexa.core.report.MexaReport;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Estimates each language's task scores from English ones, as the MEXA leaderboard does: estimated score = MEXA
 * score x English task score (e.g. {@code belebele} 0.89 and a MEXA score of 0.5 give 0.445).
 */
public final class EstimatedScores {

    private EstimatedScores() {
    }

    /**
     * @param englishScores task name to the model's English score on it
     * @throws dev.mexa.core.MexaException naming {@code englishScores} and the task for a value outside [0, 1]
     */
    public static void check(Map<String, Double> englishScores) {
        englishScores.forEach((task, value) -> Fraction.require(value, "englishScores (mexa.englishScores) " + task));
    }

    /**
     * @param report an evaluated report
     * @param englishScores task name to the model's English score on it, each in [0, 1]; empty for none
     * @return a copy whose languages carry one estimated score per task (the pivot's equals the English score)
     * @throws dev.mexa.core.MexaException naming {@code englishScores} and the task for a value outside [0, 1]
     */
    public static MexaReport apply(MexaReport report, Map<String, Double> englishScores) {
        if (englishScores.isEmpty()) {
            return report;
        }
        check(englishScores);
        Map<String, LanguageResult> estimated = new LinkedHashMap<>();
        report.languages().forEach((language, result) -> {
            Map<String, Double> tasks = new LinkedHashMap<>();
            englishScores.forEach((task, english) -> tasks.put(task, result.score() * english));
            estimated.put(language, result.withEstimatedScores(tasks));
        });
        return report.with(estimated, List.of());
    }
}
