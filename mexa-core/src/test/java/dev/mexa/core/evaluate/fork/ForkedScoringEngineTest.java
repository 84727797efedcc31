package dev.mexa.core.evaluate.fork;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.djl.engine.Engine;
import dev.mexa.core.DjlEngine;
import dev.mexa.core.RecordingLog;
import dev.mexa.core.evaluate.EvaluationRequest;
import dev.mexa.core.example.ExampleProject;
import dev.mexa.core.report.MexaReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Forked scoring never loads libtorch into the JVM that forks, observed in that JVM's memory map: this class runs in a
 * JVM of its own (the {@code engine-free-jvm} Surefire execution of mexa-core's pom), where no other test has
 * started the engine. Linux only ({@code /proc/self/maps}).
 */
class ForkedScoringEngineTest {

    private static final Path MAPS = Path.of("/proc/self/maps");

    @TempDir
    Path temp;

    @Test
    void planningAndScoringForkedNeverStartTheEngineInThisJvm() throws IOException {
        assumeTrue(Files.isReadable(MAPS), "no /proc/self/maps to observe the native libraries in");
        // e.g. -Dtest naming this class and others, which runs them in one JVM
        assumeFalse(libtorchLoaded(), "another test in this JVM loaded libtorch: nothing to observe");
        ExampleProject example = new ExampleProject(ExampleProject.DEFAULT_ALIGNMENT, 7);
        example.writeModel(temp.resolve("model"));
        example.writeCorpus(temp.resolve("corpus"), 30);
        // the cache wraps the model's embeddings, as by default: its keys need the engine too
        EvaluationRequest request = EvaluationRequest.builder().model(temp.resolve("model"))
                .corpus(temp.resolve("corpus")).device("auto").cacheDirectory(temp.resolve("cache"))
                .languages(List.of("deu_Latn", "swh_Latn")).build();
        List<String> lines = new ArrayList<>();

        MexaReport report = new ForkedExecutor(TestScorerJvm.onThisClassPath(null)).score(request,
                new RecordingLog(lines));

        assertThat(report.languages()).containsOnlyKeys("eng_Latn", "deu_Latn", "swh_Latn");
        assertThat(lines).anyMatch(line -> line.startsWith("Loaded llama model "));
        assertThat(libtorchLoaded()).as("libtorch loaded by forked scoring").isFalse();
        // the observation is live: starting the engine here shows in the map
        Engine.getEngine(DjlEngine.NAME).getGpuCount();
        assertThat(libtorchLoaded()).as("libtorch loaded once the engine started").isTrue();
    }

    private static boolean libtorchLoaded() throws IOException {
        return Files.readAllLines(MAPS).stream().anyMatch(line -> line.contains("libtorch"));
    }
}
