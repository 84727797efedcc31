package dev.mexa.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.TestExecutionResult.Status.FAILED;
import static org.junit.platform.engine.TestExecutionResult.Status.SUCCESSFUL;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/**
 * The extension on a generated Llama checkpoint and corpus whose alignment is known by construction (deu_Latn
 * near-perfect, wol_Latn unrelated). Skipped while the model runtime is not on the branch.
 */
class GeneratedCheckpointTest {

    @BeforeAll
    static void writeCheckpoint() {
        ExampleInputs.modelAndCorpus();
    }

    @Test
    void gatesOnTheModelsScores() {
        EngineExecutionResults results = TestKitRuns.run(OnModel.class);

        assertThat(TestKitRuns.statuses(results.testEvents())).containsExactlyInAnyOrderEntriesOf(Map.of(
                "alignedLanguage", SUCCESSFUL, "unrelatedLanguage", FAILED, "scoresFollowTheConstruction",
                SUCCESSFUL));
        assertThat(TestKitRuns.failureMessage(results.testEvents(), "unrelatedLanguage")).matches("""
                Rule violated for language wol_Latn: MEXA score is 0\\.\\d+, but expected minimum is 0\\.50
                MEXA checks have not been met \\(1 of 1 language\\)""");
    }

    @Test
    void withoutCorpusRunsOverTheBundledFlores200() {
        EngineExecutionResults results = TestKitRuns.run(OnBundledCorpus.class);

        assertThat(TestKitRuns.statuses(results.testEvents()))
                .containsExactlyInAnyOrderEntriesOf(Map.of("namesTheBundledCorpus", SUCCESSFUL));
    }

    @Test
    void cachesTheEmbeddingsWhereTheAttributeSays() throws IOException {
        Path cache = ProjectDirectory.resolve(CACHE);
        if (Files.isDirectory(cache)) {
            try (Stream<Path> files = Files.list(cache)) {
                for (Path file : files.toList()) {
                    Files.delete(file);
                }
            }
        }
        EngineExecutionResults results = TestKitRuns.run(OnCachedModel.class);

        assertThat(TestKitRuns.statuses(results.testEvents())).containsExactlyEntriesOf(Map.of("alignedLanguage",
                SUCCESSFUL));
        try (Stream<Path> files = Files.list(cache)) {
            assertThat(files.filter(file -> file.toString().endsWith(".emb"))).hasSize(5);
        }
    }

    private static final String CACHE = "target/mexa-extension-cache";

    /** Scores the generated checkpoint with its embeddings cached in a directory of this module. */
    @Tag(TestKitRuns.EXAMPLE_TAG)
    @MexaEvaluation(model = ExampleInputs.MODEL, corpus = ExampleInputs.CORPUS, sentences = ExampleInputs.SENTENCES,
            device = "cpu", failIfMissing = true, cacheDirectory = CACHE)
    static class OnCachedModel {

        @Test
        @MinScore(language = "deu_Latn", value = 0.5)
        void alignedLanguage() {
        }
    }

    /** Scores the generated checkpoint on the CPU. */
    @Tag(TestKitRuns.EXAMPLE_TAG)
    @MexaEvaluation(model = ExampleInputs.MODEL, corpus = ExampleInputs.CORPUS, sentences = ExampleInputs.SENTENCES,
            device = "cpu", failIfMissing = true)
    static class OnModel {

        @Test
        @MinScore(language = "deu_Latn", value = 0.5)
        void alignedLanguage() {
        }

        @Test
        @MinScore(language = "wol_Latn", value = 0.5)
        void unrelatedLanguage() {
        }

        @Test
        void scoresFollowTheConstruction(MexaScores report) {
            assertThat(report.languages()).containsExactly("deu_Latn", "fra_Latn", "swh_Latn", "wol_Latn");
            assertThat(report.score("deu_Latn")).isGreaterThan(report.score("swh_Latn"));
            assertThat(report.score("fra_Latn")).isGreaterThan(report.score("wol_Latn"));
            assertThat(report.core().embedding()).isEqualTo("weighted-average");
        }
    }

    /** The generated checkpoint without a corpus: the bundled FLORES-200 devtest, whose words it does not know. */
    @Tag(TestKitRuns.EXAMPLE_TAG)
    @MexaEvaluation(model = ExampleInputs.MODEL, languages = "deu_Latn", sentences = 10, device = "cpu",
            failIfMissing = true)
    static class OnBundledCorpus {

        @Test
        void namesTheBundledCorpus(MexaScores report) {
            assertThat(report.core().corpus()).isEqualTo("bundled FLORES-200 devtest (first 100 sentences)");
            assertThat(report.core().sentences()).isEqualTo(10);
            assertThat(report.languages()).containsExactly("deu_Latn");
        }
    }
}
