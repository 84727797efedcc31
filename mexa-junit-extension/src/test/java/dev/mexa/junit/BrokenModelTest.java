package dev.mexa.junit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/** Classes sharing a checkpoint whose weights are truncated: one evaluation attempt, the same clear failure for all. */
class BrokenModelTest {

    private static final String BROKEN = "target/testkit/broken-model";

    @BeforeAll
    static void writeBrokenCheckpoint() throws IOException {
        ExampleInputs.modelAndCorpus();
        Path source = ProjectDirectory.resolve(ExampleInputs.MODEL);
        Path broken = Files.createDirectories(ProjectDirectory.resolve(BROKEN));
        for (String name : new String[] {"config.json", "tokenizer.json", "tokenizer_config.json"}) {
            Files.copy(source.resolve(name), broken.resolve(name), StandardCopyOption.REPLACE_EXISTING);
        }
        byte[] weights = Files.readAllBytes(source.resolve("model.safetensors"));
        Files.write(broken.resolve("model.safetensors"), java.util.Arrays.copyOf(weights, weights.length / 2));
    }

    @Test
    void everyClassFailsWithTheFirstErrorAndTheModelIsTriedOnce() {
        try (LogRecorder log = new LogRecorder()) {
            EngineExecutionResults results = TestKitRuns.run(First.class, Second.class);

            List<String> classFailures = results.containerEvents().failed().stream()
                    .map(event -> event.getRequiredPayload(TestExecutionResult.class).getThrowable()
                            .map(Throwable::getMessage).orElse(""))
                    .toList();
            assertThat(classFailures).hasSize(2).allSatisfy(message -> assertThat(message)
                    .startsWith("Malformed safetensors file ").contains("broken-model").contains("truncated file?"));
            assertThat(log.count("Evaluating MEXA alignment of ")).isEqualTo(1);
        }
    }

    /** One test; the two classes below differ only in name. */
    @Tag(TestKitRuns.EXAMPLE_TAG)
    @MexaEvaluation(model = BROKEN, corpus = ExampleInputs.CORPUS, sentences = ExampleInputs.SENTENCES,
            device = "cpu")
    abstract static class OnBrokenModel {

        @Test
        @MinScore(language = "deu_Latn", value = 0.5)
        void scored() {
        }
    }

    @Tag(TestKitRuns.EXAMPLE_TAG)
    static class First extends OnBrokenModel {
    }

    @Tag(TestKitRuns.EXAMPLE_TAG)
    static class Second extends OnBrokenModel {
    }
}
