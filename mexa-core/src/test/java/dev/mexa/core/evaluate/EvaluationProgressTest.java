package dev.mexa.core.evaluate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mexa.core.MexaLog;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EvaluationProgressTest {

    private static List<String> lines(int languages) {
        List<String> lines = new ArrayList<>();
        EvaluationProgress progress = new EvaluationProgress(new MexaLog() {
            @Override
            public void info(String message) {
                lines.add(message);
            }

            @Override
            public void warn(String message) {
                lines.add(message);
            }
        }, languages);
        progress.pivotEmbedded("eng_Latn", 100, 1_000_000_000L);
        for (int language = 1; language < languages; language++) {
            progress.scored("l" + language, 0.5, 100, 1_000_000_000L);
        }
        return lines;
    }

    @Test
    void aFewLanguagesGetALineEach() {
        assertThat(lines(4)).containsExactly(
                "Embedded pivot eng_Latn: 100 sentences in 1.0 s (100.0 sentences/s); 1 of 4 languages done, ETA 3 s",
                "Scored l1: 0.500, 100 sentences in 1.0 s (100.0 sentences/s); 2 of 4 languages done, ETA 2 s",
                "Scored l2: 0.500, 100 sentences in 1.0 s (100.0 sentences/s); 3 of 4 languages done, ETA 1 s",
                "Scored l3: 0.500, 100 sentences in 1.0 s (100.0 sentences/s); 4 of 4 languages done, ETA 0 s");
    }

    @Test
    void aFloresSizedRunLogsAboutTenProgressLines() {
        List<String> lines = lines(205);
        assertThat(lines).hasSize(11);
        assertThat(lines.get(0)).startsWith("Embedded pivot eng_Latn:");
        assertThat(lines.get(1)).startsWith("Scored l20: ").contains("21 of 205 languages done, ETA 3 min 4 s");
        assertThat(lines.get(10)).startsWith("Scored l204: ").endsWith("205 of 205 languages done, ETA 0 s");
    }
}
