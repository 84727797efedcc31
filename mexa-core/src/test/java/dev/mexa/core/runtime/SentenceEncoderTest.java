package dev.mexa.core.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import dev.mexa.core.MexaException;
import dev.mexa.core.embedding.EmbeddingMethod;
import dev.mexa.core.runtime.model.DecoderModel;
import dev.mexa.core.runtime.model.DecoderCheckpoint;
import dev.mexa.core.safetensors.DType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Sentence embeddings from text: tokenizer, length-sorted batches, pooling. Checked against the float64 reference
 * pooled per sentence, and batched runs against one-sentence runs.
 */
class SentenceEncoderTest {

    @TempDir
    Path temp;

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of(TinyModel.llama(), EmbeddingMethod.WEIGHTED_AVERAGE),
                Arguments.of(TinyModel.llama().withDtype(DType.BF16), EmbeddingMethod.LAST_TOKEN),
                Arguments.of(TinyModel.gpt2(), EmbeddingMethod.WEIGHTED_AVERAGE),
                Arguments.of(TinyModel.gpt2(), EmbeddingMethod.LAST_TOKEN));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cases")
    void embeddingsMatchReferenceAndDoNotDependOnBatching(TinyModel model, EmbeddingMethod method) {
        TinyCheckpoint checkpoint = TinyCheckpoint.write(temp.resolve("model"), model);
        Random random = new Random(7);
        List<String> sentences = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            sentences.add(checkpoint.sentence(random, 1 + random.nextInt(14)));
        }
        try (DecoderModel decoder = DecoderCheckpoint.read(checkpoint.directory).load(Device.cpu(), DataType.FLOAT32);
                SentenceTokenizer tokenizer = new SentenceTokenizer(checkpoint.directory);
                NDManager manager = NDManager.newBaseManager(Device.cpu())) {
            NDArray single = new SentenceEncoder(decoder, tokenizer, method, 1).encode(sentences, "test", manager);
            NDArray batched = new SentenceEncoder(decoder, tokenizer, method, 4).encode(sentences, "test", manager);
            assertThat(single.getShape().getShape()).containsExactly(model.layers() + 1, sentences.size(),
                    model.hidden());
            assertThat(Differences.relative(batched.toFloatArray(), single.toFloatArray()))
                    .as("batch of 4 against one sentence at a time").isLessThan(1e-5);
            ReferenceDecoder reference = new ReferenceDecoder(checkpoint);
            for (int i = 0; i < sentences.size(); i++) {
                double[][] expected = ReferenceDecoder.pool(reference.hiddenStates(checkpoint.ids(sentences.get(i))),
                        method == EmbeddingMethod.LAST_TOKEN);
                float[] actual = batched.get(new NDIndex(":, {}, :", i)).toFloatArray();
                assertThat(Differences.relative(actual, Differences.flatten(expected)))
                        .as("sentence %d", i).isLessThan(1e-5);
            }
        }
    }

    /**
     * Issue 10: an out-of-memory during a batch is retried once over each half of the batch, then fails naming the
     * corpus file (so the language) and the setting to lower. The model is real; only its memory limit is played by
     * a wrapper that fails batches above a size, as an exhausted allocator would.
     */
    @Test
    void anOutOfMemoryBatchIsRetriedInHalvesThenNamesTheFileAndTheSetting() {
        TinyCheckpoint checkpoint = TinyCheckpoint.write(temp.resolve("model"), TinyModel.gpt2());
        Random random = new Random(3);
        List<String> sentences = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            sentences.add(checkpoint.sentence(random, 2 + random.nextInt(6)));
        }
        try (DecoderModel decoder = DecoderCheckpoint.read(checkpoint.directory).load(Device.cpu(), DataType.FLOAT32);
                SentenceTokenizer tokenizer = new SentenceTokenizer(checkpoint.directory);
                NDManager manager = NDManager.newBaseManager(Device.cpu())) {
            NDArray expected = new SentenceEncoder(decoder, tokenizer, EmbeddingMethod.WEIGHTED_AVERAGE, 4)
                    .encode(sentences, "deu_Latn.devtest", manager);
            NDArray retried = new SentenceEncoder(new MemoryLimited(decoder, 2), tokenizer,
                    EmbeddingMethod.WEIGHTED_AVERAGE, 4).encode(sentences, "deu_Latn.devtest", manager);
            assertThat(Differences.relative(retried.toFloatArray(), expected.toFloatArray())).isLessThan(1e-5);
            SentenceEncoder starved = new SentenceEncoder(new MemoryLimited(decoder, 1), tokenizer,
                    EmbeddingMethod.WEIGHTED_AVERAGE, 4);
            assertThatThrownBy(() -> starved.encode(sentences, "c/deu_Latn.devtest", manager))
                    .isInstanceOf(MexaException.class)
                    .hasMessageStartingWith("Out of memory running the model over a batch of 4 sentence(s) of up to ")
                    .hasMessageContaining("tokens from c/deu_Latn.devtest, and again over each half of it: lower"
                            + " batchSize (mexa.batchSize)");
        }
    }

    /** A real decoder that fails, as out of memory, every batch of more than {@code most} sentences. */
    private record MemoryLimited(DecoderModel model, int most) implements DecoderModel {

        @Override
        public dev.mexa.core.runtime.checkpoint.ModelConfig config() {
            return model.config();
        }

        @Override
        public Device device() {
            return model.device();
        }

        @Override
        public void forward(NDArray inputIds, NDArray attentionMask, java.util.function.ObjIntConsumer<NDArray> states) {
            if (inputIds.getShape().get(0) > most) {
                throw new OutOfMemoryError("Java heap space");
            }
            model.forward(inputIds, attentionMask, states);
        }

        @Override
        public void close() {
        }
    }
}
