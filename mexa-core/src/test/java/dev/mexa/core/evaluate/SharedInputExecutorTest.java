package dev.mexa.core.evaluate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mexa.core.MexaConfigurationException;
import dev.mexa.core.MexaException;
import dev.mexa.core.MexaLog;
import dev.mexa.core.RecordingLog;
import dev.mexa.core.embedding.EmbeddingFiles;
import dev.mexa.core.embedding.EmbeddingMethod;
import dev.mexa.core.gate.GateRules;
import dev.mexa.core.report.MexaReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The executor the JUnit extension shares between test classes: one open input, each setting scored once. */
class SharedInputExecutorTest {

    @TempDir
    Path directory;

    private EvaluationRequest.Builder request() {
        return EvaluationRequest.builder().embeddings(List.of(directory)).minSentences(1);
    }

    private void writeEmbeddings() {
        for (String language : List.of("eng_Latn", "deu_Latn", "fra_Latn")) {
            EmbeddingFiles.write(directory, language, new long[] {1, 2, 2},
                    new float[] {1, 0, 0, 1}, EmbeddingMethod.LAST_TOKEN);
        }
    }

    @Test
    void opensOnceAndScoresEachSettingOnce() {
        writeEmbeddings();
        List<String> lines = new ArrayList<>();
        RecordingLog log = new RecordingLog(lines);
        try (SharedInputExecutor executor = new SharedInputExecutor(request().build().input())) {
            MexaReport first = Evaluation.run(request().build(), executor, log).report();
            MexaReport gated = Evaluation.run(request().gate(GateRules.builder().minScore(0.5).build()).build(),
                    executor, log).report();
            Evaluation.run(request().pooling("max").build(), executor, log);

            assertThat(gated.languages().keySet()).isEqualTo(first.languages().keySet());
            assertThat(executor.opened()).isTrue();
            assertThat(lines.stream().filter(line -> line.startsWith("Loading MEXA "))).hasSize(1);
            assertThat(lines.stream().filter(line -> line.startsWith("Evaluating MEXA "))).hasSize(2);
        }
    }

    @Test
    void checksEveryRequestAgainstTheOpenInput() {
        writeEmbeddings();
        try (SharedInputExecutor executor = new SharedInputExecutor(request().build().input())) {
            Evaluation.run(request().build(), executor, MexaLog.silent());
            EvaluationRequest misspelt = request().laterGates(List.of(GateRules.builder().threshold("deu_Ltan", 0.5)
                    .build())).build();

            assertThatThrownBy(() -> executor.score(misspelt, MexaLog.silent()))
                    .isInstanceOf(MexaConfigurationException.class).hasMessageContaining("deu_Ltan");
        }
    }

    @Test
    void remembersAFailureToOpen() throws IOException {
        Files.writeString(directory.resolve("eng_Latn.safetensors"), "not a safetensors file");
        List<String> lines = new ArrayList<>();
        RecordingLog log = new RecordingLog(lines);
        try (SharedInputExecutor executor = new SharedInputExecutor(request().build().input())) {
            assertThatThrownBy(() -> executor.score(request().build(), log)).isInstanceOf(MexaException.class);
            writeEmbeddings();
            assertThatThrownBy(() -> executor.score(request().build(), log)).isInstanceOf(MexaException.class);
            assertThat(lines.stream().filter(line -> line.startsWith("Loading MEXA "))).hasSize(1);
            assertThat(executor.opened()).isFalse();
        }
    }

    @Test
    void closesOnceAndThenRefuses() {
        writeEmbeddings();
        SharedInputExecutor executor = new SharedInputExecutor(request().build().input());
        executor.score(request().build(), MexaLog.silent());
        executor.close();
        executor.close();

        assertThat(executor.opened()).isFalse();
        assertThatThrownBy(() -> executor.score(request().build(), MexaLog.silent()))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new SharedInputExecutor(request().build().input())
                .score(EvaluationRequest.builder().embeddings(List.of(directory.resolve("other"))).build(),
                        MexaLog.silent())).isInstanceOf(IllegalArgumentException.class);
    }
}
