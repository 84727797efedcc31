package dev.mexa.core.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import dev.mexa.core.DjlEngine;
import dev.mexa.core.MexaException;
import dev.mexa.core.embedding.EmbeddingMethod;
import dev.mexa.core.runtime.checkpoint.CheckpointFiles;
import dev.mexa.core.runtime.checkpoint.ResidentWeight;
import dev.mexa.core.runtime.checkpoint.WeightReader;
import dev.mexa.core.runtime.model.DecoderCheckpoint;
import dev.mexa.core.runtime.model.DecoderModel;
import dev.mexa.core.safetensors.DType;
import dev.mexa.core.safetensors.SafetensorsWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Weights kept in their stored half precision and widened per use, and embedding tables read from the checkpoint
 * file per lookup, give exactly the float32 path's embeddings, for BF16 (held as byte pairs) and F16 checkpoints of
 * the Llama, GPT-2 and Gemma families.
 */
class HalfResidencyTest {

    @TempDir
    Path temp;

    static Stream<TinyModel> models() {
        return Stream.of(TinyModel.llama().withDtype(DType.BF16), TinyModel.llama().withDtype(DType.F16),
                TinyModel.gpt2().withDtype(DType.BF16), TinyModel.gpt2().withDtype(DType.F16));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void halfResidentWeightsGiveTheFloat32EmbeddingsExactly(TinyModel model) {
        TinyCheckpoint checkpoint = TinyCheckpoint.write(temp.resolve("model"), model);
        Random random = new Random(5);
        List<String> sentences = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            sentences.add(checkpoint.sentence(random, 1 + random.nextInt(12)));
        }
        assertThat(embeddings(checkpoint.directory, sentences, true))
                .isEqualTo(embeddings(checkpoint.directory, sentences, false));
    }

    static Stream<TinyGemma> gemmas() {
        return Stream.of(TinyGemma.gemma2().withDtype(DType.BF16), TinyGemma.gemma3().withDtype(DType.F16));
    }

    /** Gemma scales its embedding rows after the lookup, which then reads them from the checkpoint file. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("gemmas")
    void gemmaHalfResidentWeightsGiveTheFloat32EmbeddingsExactly(TinyGemma model) {
        Path directory = GemmaCheckpoint.write(temp.resolve("gemma"), model).directory();
        Random random = new Random(8);
        List<String> sentences = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            sentences.add(String.join(" ", random.ints(1 + random.nextInt(10), 0, model.vocab())
                    .mapToObj(word -> "w" + word).toList()));
        }
        assertThat(embeddings(directory, sentences, true)).isEqualTo(embeddings(directory, sentences, false));
    }

    /**
     * With half-precision residency the embedding table stays in the checkpoint file and is read at each lookup:
     * a file replaced while the model is loaded is reported, not read as the same weights.
     */
    @Test
    void aCheckpointReplacedWhileItsTableIsInUseIsReported() {
        TinyCheckpoint checkpoint = TinyCheckpoint.write(temp.resolve("model"), TinyModel.llama()
                .withDtype(DType.BF16));
        TinyCheckpoint other = TinyCheckpoint.write(temp.resolve("other"), TinyModel.llama().withDtype(DType.F16));
        List<String> sentences = List.of(checkpoint.sentence(new Random(2), 5));
        try (DecoderModel half = DecoderCheckpoint.read(checkpoint.directory).load(Device.cpu(), DataType.FLOAT32,
                true);
                SentenceTokenizer tokenizer = new SentenceTokenizer(checkpoint.directory);
                NDManager manager = NDManager.newBaseManager(Device.cpu(), DjlEngine.NAME)) {
            SentenceEncoder encoder = new SentenceEncoder(half, tokenizer, EmbeddingMethod.WEIGHTED_AVERAGE, 4);
            encoder.encode(sentences, "test", manager);
            Path weights = checkpoint.directory.resolve(CheckpointFiles.SINGLE_FILE);
            copy(other.directory.resolve(CheckpointFiles.SINGLE_FILE), weights);
            assertThatThrownBy(() -> encoder.encode(sentences, "test", manager)).isInstanceOf(MexaException.class)
                    .hasMessageContaining("Safetensors file " + weights + " changed while the model was in use")
                    .hasMessageContaining("'model.embed_tokens.weight'");
        }
    }

    private static float[] embeddings(Path directory, List<String> sentences, boolean halfResident) {
        try (DecoderModel model = DecoderCheckpoint.read(directory).load(Device.cpu(), DataType.FLOAT32,
                halfResident);
                SentenceTokenizer tokenizer = new SentenceTokenizer(directory);
                NDManager manager = NDManager.newBaseManager(Device.cpu(), DjlEngine.NAME)) {
            return new SentenceEncoder(model, tokenizer, EmbeddingMethod.WEIGHTED_AVERAGE, 4)
                    .encode(sentences, "test", manager).toFloatArray();
        }
    }

    private static void copy(Path from, Path to) {
        try {
            Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void onlyHalfPrecisionTensorsStayHalfAndWideningIsExact() {
        TinyCheckpoint checkpoint = TinyCheckpoint.write(temp.resolve("bf16"), TinyModel.llama()
                .withDtype(DType.BF16));
        TinyCheckpoint float32 = TinyCheckpoint.write(temp.resolve("f32"), TinyModel.llama());
        String name = "model.layers.1.mlp.down_proj.weight";
        long[] shape = checkpoint.shapes.get(name);
        try (NDManager manager = NDManager.newBaseManager(Device.cpu(), DjlEngine.NAME);
                CheckpointFiles files = new CheckpointFiles(checkpoint.directory);
                CheckpointFiles floatFiles = new CheckpointFiles(float32.directory)) {
            ResidentWeight half = new WeightReader(files, manager, DataType.FLOAT32, true)
                    .readResident(name, w -> w, shape);
            ResidentWeight dense = new WeightReader(floatFiles, manager, DataType.FLOAT32, true)
                    .readResident(name, w -> w, shape);
            assertThat(half.isHalf()).isTrue();
            assertThat(dense.isHalf()).isFalse();
            assertThat(half.use(w -> w.add(0)).toFloatArray()).containsExactly(checkpoint.weights.get(name));
            NDArray ids = manager.create(new long[] {3, 0, 3, 40}, new ai.djl.ndarray.types.Shape(2, 2));
            String embedding = "model.embed_tokens.weight";
            long[] rows = checkpoint.shapes.get(embedding);
            float[] looked = new WeightReader(files, manager, DataType.FLOAT32, true).readEmbedding(embedding,
                    rows[0], rows[1]).rows(ids, manager).toFloatArray();
            float[] table = checkpoint.weights.get(embedding);
            int hidden = (int) rows[1];
            long[] order = {3, 0, 3, 40};
            for (int i = 0; i < order.length; i++) {
                for (int h = 0; h < hidden; h++) {
                    assertThat(looked[i * hidden + h]).isEqualTo(table[(int) order[i] * hidden + h]);
                }
            }
        }
    }

    /**
     * BF16 widening runs in blocks of about a million elements: a weight of several blocks, its last one partial,
     * holding every BF16 bit pattern, must widen to exactly the float32 values whose upper halves the patterns are
     * (infinities and signed zeros included; a NaN stays a NaN, its payload aside).
     */
    @Test
    void bfloat16WeightsOfSeveralWideningBlocksWidenExactly() {
        long[] shape = {1229, 1283};
        int count = (int) (shape[0] * shape[1]);
        byte[] data = new byte[2 * count];
        int[] expected = new int[count];
        for (int i = 0; i < count; i++) {
            int bits = (int) ((i * 40503L) & 0xFFFF);
            data[2 * i] = (byte) bits;
            data[2 * i + 1] = (byte) (bits >>> 8);
            expected[i] = comparable(bits << 16);
        }
        Path directory = temp.resolve("blocks");
        new SafetensorsWriter().addRaw("w", DType.BF16, shape, data)
                .write(directory.resolve(CheckpointFiles.SINGLE_FILE));
        try (NDManager manager = NDManager.newBaseManager(Device.cpu(), DjlEngine.NAME);
                CheckpointFiles files = new CheckpointFiles(directory)) {
            ResidentWeight weight = new WeightReader(files, manager, DataType.FLOAT32, true)
                    .readResident("w", w -> w, shape);
            assertThat(weight.isHalf()).isTrue();
            float[] widened = weight.use(NDArray::duplicate).toFloatArray();
            for (int i = 0; i < count; i++) {
                int bits = comparable(Float.floatToRawIntBits(widened[i]));
                if (bits != expected[i]) {
                    assertThat(Integer.toHexString(bits)).as("element %d", i)
                            .isEqualTo(Integer.toHexString(expected[i]));
                }
            }
        }
    }

    /** @return the bits of a float32, every NaN as the one canonical NaN */
    private static int comparable(int bits) {
        return Float.isNaN(Float.intBitsToFloat(bits)) ? Float.floatToIntBits(Float.NaN) : bits;
    }
}
