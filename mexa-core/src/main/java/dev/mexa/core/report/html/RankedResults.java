package dev.mexa.core.report.html;

import dev.mexa.core.report.LanguageResult;
import dev.mexa.core.report.MexaReport;
import java.util.Comparator;
import java.util.List;

/** The order the chart and the heatmap show languages in: best pooled score first, ties by code, the pivot last. */
final class RankedResults {

    private static final Comparator<LanguageResult> ORDER = Comparator.comparing(LanguageResult::pivot)
            .thenComparing(LanguageResult::score, Comparator.reverseOrder())
            .thenComparing(LanguageResult::language);

    private RankedResults() {
    }

    /**
     * @param report the report
     * @return its results, ranked
     */
    static List<LanguageResult> of(MexaReport report) {
        return report.languages().values().stream().sorted(ORDER).toList();
    }
}
