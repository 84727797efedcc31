package dev.mexa.core.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import dev.mexa.core.report.MexaReport;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EstimatedScoresTest {

    @Test
    void multipliesTheMexaScoreByTheEnglishScorePerTask() {
        MexaReport report = Reports.of("deu_Latn", 0.5, "swh_Latn", 0.2);

        MexaReport estimated = EstimatedScores.apply(report, Map.of("belebele", 0.89, "m-mmlu", 0.6));

        assertThat(estimated.result("deu_Latn").estimatedScores().get("belebele")).isCloseTo(0.445, offset(1e-12));
        assertThat(estimated.result("swh_Latn").estimatedScores().get("m-mmlu")).isCloseTo(0.12, offset(1e-12));
        assertThat(estimated.result("eng_Latn").estimatedScores()).containsEntry("belebele", 0.89);
    }

    @Test
    void noEnglishScoresLeaveTheReportAsItIs() {
        MexaReport report = Reports.of("deu_Latn", 0.5);

        assertThat(EstimatedScores.apply(report, Map.of())).isSameAs(report);
    }

    @Test
    void rejectsAnEnglishScoreOutsideTheUnitIntervalNamingTheTask() {
        assertThatThrownBy(() -> EstimatedScores.apply(Reports.of("deu_Latn", 0.5), Map.of("belebele", 89.0)))
                .hasMessageStartingWith("Invalid englishScores (mexa.englishScores) belebele '89.0': it must lie in [0, 1]");
    }
}
