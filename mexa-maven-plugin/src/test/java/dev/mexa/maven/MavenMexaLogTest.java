package dev.mexa.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Properties;
import org.junit.jupiter.api.Test;

class MavenMexaLogTest {

    @Test
    void aParallelBuildsLinesNameTheModule() {
        RecordingLog log = new RecordingLog();
        MavenMexaLog mexa = new MavenMexaLog(log, "model-a");
        mexa.info("Scored deu_Latn: 0.734");
        mexa.warn("Corpus has 40 lines");
        mexa.error("Rule violated for language swh_Latn");
        assertThat(log.lines()).containsExactly("INFO [model-a] Scored deu_Latn: 0.734",
                "WARN [model-a] Corpus has 40 lines", "ERROR [model-a] Rule violated for language swh_Latn");
    }

    @Test
    void aSequentialBuildsLinesAreUnprefixed() {
        RecordingLog log = new RecordingLog();
        new MavenMexaLog(log, null).info("Scored deu_Latn: 0.734");
        assertThat(log.lines()).containsExactly("INFO Scored deu_Latn: 0.734");
    }

    @Test
    void engineChatterIsQuietUnlessMavenDebugs() {
        Properties normal = new Properties();
        EngineLogLevels.quiet(false, normal);
        assertThat(normal).containsEntry(EngineLogLevels.DJL, "warn").containsEntry(EngineLogLevels.GPU_PROBE, "error");

        Properties debug = new Properties();
        EngineLogLevels.quiet(true, debug);
        assertThat(debug).isEmpty();

        Properties chosen = new Properties();
        chosen.setProperty(EngineLogLevels.DJL, "info");
        EngineLogLevels.quiet(false, chosen);
        assertThat(chosen).containsEntry(EngineLogLevels.DJL, "info");
    }
}
