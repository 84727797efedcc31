package dev.mexa.core.evaluate.fork;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mexa.core.MexaLog;
import dev.mexa.core.RecordingLog;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScorerOutputTest {

    @Test
    void logLinesOfAnyTextComeBackAsTheyWereLogged() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        MexaLog child = ScorerOutput.printing(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        child.info("Scored deu_Latn: 0.95 \"quoted\"");
        child.warn("two\nlines, ünïcode and \u0001");
        List<String> parent = new ArrayList<>();
        MexaLog log = new RecordingLog(parent);

        String[] lines = bytes.toString(StandardCharsets.UTF_8).split("\n");

        assertThat(lines).hasSize(2);
        for (String line : lines) {
            assertThat(ScorerOutput.forward(line, log)).isTrue();
        }
        assertThat(parent).containsExactly("Scored deu_Latn: 0.95 \"quoted\"",
                "WARN two\nlines, ünïcode and \u0001");
        assertThat(ScorerOutput.forward("[W NNPACK.cpp:64] Could not initialize NNPACK", log)).isFalse();
        assertThat(ScorerOutput.forward("@mexa:info not json", log)).isFalse();
        assertThat(parent).hasSize(2);
    }
}
