package dev.mexa.core.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The aligned table of languages and scores that goes into the build log, best score first. */
public final class ScoreTable {

    private ScoreTable() {
    }

    /**
     * @param report the report
     * @return one line for the header, then one per language sorted by score (highest first, pivot last)
     */
    public static List<String> lines(MexaReport report) {
        int width = Math.max("language".length(),
                report.languages().keySet().stream().mapToInt(String::length).max().orElse(0));
        List<String> lines = new ArrayList<>();
        String format = "%-" + width + "s  %6s  %-15s  %s";
        lines.add(String.format(java.util.Locale.ROOT, format, "language", "score", "95% interval", "verdict"));
        report.languages().values().stream()
                .sorted(Comparator.comparing(LanguageResult::pivot)
                        .thenComparing(Comparator.comparingDouble(LanguageResult::score).reversed())
                        .thenComparing(LanguageResult::language))
                .forEach(result -> lines.add(String.format(java.util.Locale.ROOT, format, result.language(),
                        ScoreFormat.score(result.score()),
                        "[" + ScoreFormat.score(result.interval().lower()) + ", "
                                + ScoreFormat.score(result.interval().upper()) + "]",
                        VerdictLabel.of(result).text())));
        return lines;
    }
}
