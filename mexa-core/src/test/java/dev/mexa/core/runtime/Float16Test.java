package dev.mexa.core.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import dev.mexa.core.embedding.EmbeddingMethod;
import dev.mexa.core.runtime.model.DecoderCheckpoint;
import dev.mexa.core.runtime.model.DecoderModel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The families that declare float16 safe give, computing in float16 (on the CPU, directly through the loader),
 * the float32 sentence embeddings within float16 rounding.
 */
class Float16Test {

    /** float16 has an 11-bit significand (4.9e-4 relative rounding); a few layers accumulate a few units. */
    private static final double FLOAT16_TOLERANCE = 1e-2;

    @TempDir
    Path temp;

    static Stream<TinyModel> models() {
        return Stream.of(TinyModel.llama(), TinyModel.llama().withType("qwen2"), TinyModel.llama().withType("qwen3"),
                TinyModel.gpt2());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void float16EmbeddingsMatchFloat32WithinFloat16Rounding(TinyModel model) {
        TinyCheckpoint checkpoint = TinyCheckpoint.write(temp.resolve("model"), model);
        Random random = new Random(3);
        List<String> sentences = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            sentences.add(checkpoint.sentence(random, 2 + random.nextInt(10)));
        }
        DecoderCheckpoint decoder = DecoderCheckpoint.read(checkpoint.directory);
        try (SentenceTokenizer tokenizer = new SentenceTokenizer(checkpoint.directory);
                NDManager manager = NDManager.newBaseManager(Device.cpu())) {
            float[] single = embed(decoder, DataType.FLOAT32, tokenizer, sentences, manager);
            float[] half = embed(decoder, DataType.FLOAT16, tokenizer, sentences, manager);
            assertThat(Differences.relative(half, single)).as("float16 against float32")
                    .isLessThan(FLOAT16_TOLERANCE).isGreaterThan(0);
        }
    }

    private static float[] embed(DecoderCheckpoint decoder, DataType type, SentenceTokenizer tokenizer,
            List<String> sentences, NDManager manager) {
        try (DecoderModel model = decoder.load(Device.cpu(), type)) {
            NDArray embeddings = new SentenceEncoder(model, tokenizer, EmbeddingMethod.WEIGHTED_AVERAGE, 3)
                    .encode(sentences, "test", manager);
            return embeddings.toFloatArray();
        }
    }
}
