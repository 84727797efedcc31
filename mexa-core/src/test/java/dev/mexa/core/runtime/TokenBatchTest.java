package dev.mexa.core.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import dev.mexa.core.DjlEngine;
import dev.mexa.core.MexaLog;
import dev.mexa.core.RecordingLog;
import dev.mexa.core.embedding.EmbeddingMethod;
import dev.mexa.core.runtime.model.DecoderCheckpoint;
import dev.mexa.core.runtime.model.DecoderModel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Length-sorted batches cut by a token budget, and the automatic thread count. */
class TokenBatchTest {

    @TempDir
    Path temp;

    @Test
    void batchesTakeLengthSortedSentencesWhilePaddedTokensFitTheBudget() {
        List<long[]> tokenized = List.of(new long[5], new long[3], new long[9], new long[2], new long[7]);
        List<TokenBatch> batches = TokenBatch.plan(tokenized, 10, 15);
        assertThat(batches).extracting(TokenBatch::sentences).containsExactly(new int[] {3, 1, 0}, new int[] {4},
                new int[] {2});
        assertThat(TokenBatch.plan(tokenized, 2, 1000)).extracting(TokenBatch::sentences)
                .containsExactly(new int[] {3, 1}, new int[] {0, 4}, new int[] {2});
        assertThat(TokenBatch.plan(tokenized, 10, 1)).hasSize(5);
    }

    @Test
    void aTightTokenBudgetGivesTheEmbeddingsOfOneSentencePerForward() {
        TinyCheckpoint checkpoint = TinyCheckpoint.write(temp.resolve("model"), TinyModel.llama());
        Random random = new Random(9);
        List<String> sentences = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            sentences.add(checkpoint.sentence(random, 1 + random.nextInt(10)));
        }
        try (DecoderModel decoder = DecoderCheckpoint.read(checkpoint.directory).load(Device.cpu(), DataType.FLOAT32);
                SentenceTokenizer tokenizer = new SentenceTokenizer(checkpoint.directory);
                NDManager manager = NDManager.newBaseManager(Device.cpu(), DjlEngine.NAME)) {
            float[] single = new SentenceEncoder(decoder, tokenizer, EmbeddingMethod.WEIGHTED_AVERAGE, 1)
                    .encode(sentences, "test", manager).toFloatArray();
            float[] budgeted = new SentenceEncoder(decoder, tokenizer, EmbeddingMethod.WEIGHTED_AVERAGE, 64, 24)
                    .encode(sentences, "test", manager).toFloatArray();
            assertThat(Differences.relative(budgeted, single)).isLessThan(1e-5);
        }
    }

    @Test
    void automaticThreadsUseEveryProcessorOnlyWithPassiveWaiting() {
        List<String> lines = new ArrayList<>();
        MexaLog log = new RecordingLog(lines);
        assertThat(CpuThreads.resolve(3, null, 8, log)).isEqualTo(3);
        assertThat(CpuThreads.resolve(0, "passive", 8, log)).isEqualTo(8);
        assertThat(lines).isEmpty();
        assertThat(CpuThreads.resolve(0, null, 8, log)).isEqualTo(1);
        assertThat(CpuThreads.resolve(0, "ACTIVE", 8, log)).isEqualTo(1);
        assertThat(lines).hasSize(2).allMatch(line -> line.contains("OMP_WAIT_POLICY=PASSIVE"));
    }
}
