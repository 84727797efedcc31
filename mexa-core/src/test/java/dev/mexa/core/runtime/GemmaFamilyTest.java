package dev.mexa.core.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.mexa.core.MexaException;
import dev.mexa.core.embedding.EmbeddingMethod;
import dev.mexa.core.runtime.model.DecoderCheckpoint;
import dev.mexa.core.runtime.model.DecoderModel;
import dev.mexa.core.safetensors.DType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Gemma family (gemma, gemma2, gemma3_text) on generated checkpoints against the float64 {@link GemmaReference}:
 * per-token hidden states of a right-padded batch, the same sentences run alone, and their pooled sentence
 * embeddings; then the configuration keys only this family reads.
 */
class GemmaFamilyTest {

    private static final double TOLERANCE = 1e-5;
    private static final int[] WORDS = {7, 1, 12, 4};

    @TempDir
    Path temp;

    static Stream<TinyGemma> models() {
        TinyGemma gemma2 = TinyGemma.gemma2();
        return Stream.of(
                TinyGemma.gemma(),
                TinyGemma.gemma().withDtype(DType.BF16).withBiasUntied(),
                gemma2,
                gemma2.withDtype(DType.BF16).withSoftcap(0),
                TinyGemma.gemma3(),
                TinyGemma.gemma3().withDtype(DType.F16).withBiasUntied());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void hiddenStatesAndEmbeddingsMatchTheFloat64ReferenceBatchedAndAlone(TinyGemma model) {
        GemmaCheckpoint checkpoint = GemmaCheckpoint.write(temp.resolve("model"), model);
        GemmaReference reference = new GemmaReference(checkpoint);
        Random random = new Random(model.seed() + 100);
        List<long[]> sentences = new ArrayList<>();
        for (int words : WORDS) {
            sentences.add(toLongs(checkpoint.randomIds(random, words)));
        }
        try (DecoderModel decoder = load(checkpoint.directory());
                NDManager manager = NDManager.newBaseManager(Device.cpu())) {
            float[][][] batched = HiddenStates.of(decoder, sentences, manager);
            for (int row = 0; row < sentences.size(); row++) {
                float[][][] alone = HiddenStates.of(decoder, List.of(sentences.get(row)), manager);
                double[][][] expected = reference.hiddenStates(toInts(sentences.get(row)));
                for (int layer = 0; layer <= model.layers(); layer++) {
                    assertThat(Differences.relative(batched[layer][row], Differences.flatten(expected[layer])))
                            .as("sentence %d, hidden state %d", row, layer).isLessThan(TOLERANCE);
                    assertThat(Differences.relative(batched[layer][row], alone[layer][0]))
                            .as("sentence %d, hidden state %d: batched vs alone", row, layer).isLessThan(TOLERANCE);
                }
            }
            for (EmbeddingMethod method : List.of(EmbeddingMethod.WEIGHTED_AVERAGE, EmbeddingMethod.LAST_TOKEN)) {
                var embeddings = new SentenceEncoder(decoder, null, method, 4).encodeTokens(sentences, manager);
                for (int row = 0; row < sentences.size(); row++) {
                    double[][] expected = ReferenceDecoder.pool(reference.hiddenStates(toInts(sentences.get(row))),
                            method == EmbeddingMethod.LAST_TOKEN);
                    assertThat(Differences.relative(embeddings.get(new NDIndex(":, {}, :", row)).toFloatArray(),
                            Differences.flatten(expected))).as("%s of sentence %d", method, row)
                            .isLessThan(TOLERANCE);
                }
            }
        }
    }

    @Test
    void everyFeatureOfTheGeneratedCheckpointsMovesTheStatesFarBeyondTheTolerance() {
        GemmaCheckpoint gemma2 = GemmaCheckpoint.write(temp.resolve("gemma2"), TinyGemma.gemma2());
        GemmaCheckpoint gemma3 = GemmaCheckpoint.write(temp.resolve("gemma3"), TinyGemma.gemma3());
        int[] ids = gemma2.randomIds(new Random(3), 12);
        TinyGemma two = gemma2.model();
        TinyGemma three = gemma3.model();
        assertMatters(gemma2, ids, two.withSoftcap(0), "soft-capping");
        assertMatters(gemma2, ids, two.withWindow(0), "the sliding window");
        assertMatters(gemma2, ids, two.withQueryScalar(two.headDim()), "query_pre_attn_scalar");
        assertMatters(gemma3, ids, three.withWindow(0), "the sliding window");
        assertMatters(gemma3, ids, three.withLocalTheta(three.ropeTheta()), "rope_local_base_freq");
        assertMatters(gemma3, ids, three.withLinearFactor(0), "the global rope_scaling");
    }

    private static void assertMatters(GemmaCheckpoint checkpoint, int[] ids, TinyGemma without, String feature) {
        double[][][] with = new GemmaReference(checkpoint).hiddenStates(ids);
        double[][][] other = new GemmaReference(without, checkpoint.weights()).hiddenStates(ids);
        int last = with.length - 1;
        float[] rounded = new float[with[last].length * with[last][0].length];
        double[] flat = Differences.flatten(with[last]);
        for (int i = 0; i < flat.length; i++) {
            rounded[i] = (float) flat[i];
        }
        assertThat(Differences.relative(rounded, Differences.flatten(other[last]))).as(feature)
                .isGreaterThan(100 * TOLERANCE);
    }

    @Test
    void layerTypesListOverridesThePatternAndGivesTheSameModel() throws IOException {
        GemmaCheckpoint checkpoint = GemmaCheckpoint.write(temp.resolve("model"), TinyGemma.gemma3());
        List<long[]> sentences = List.of(toLongs(checkpoint.randomIds(new Random(5), 9)));
        float[][][] byPattern;
        try (DecoderModel decoder = load(checkpoint.directory());
                NDManager manager = NDManager.newBaseManager(Device.cpu())) {
            byPattern = HiddenStates.of(decoder, sentences, manager);
        }
        editConfig(checkpoint.directory(), config -> {
            config.addProperty("sliding_window_pattern", 1000);
            JsonArray types = new JsonArray();
            for (int layer = 0; layer < checkpoint.model().layers(); layer++) {
                types.add(checkpoint.model().sliding(layer) ? "sliding_attention" : "full_attention");
            }
            config.add("layer_types", types);
        });
        try (DecoderModel decoder = load(checkpoint.directory());
                NDManager manager = NDManager.newBaseManager(Device.cpu())) {
            float[][][] byList = HiddenStates.of(decoder, sentences, manager);
            for (int layer = 0; layer < byList.length; layer++) {
                assertThat(byList[layer][0]).as("hidden state %d", layer).containsExactly(byPattern[layer][0]);
            }
        }
    }

    @Test
    void nullAndAbsentKeysMeanWhatTheyMeanInHuggingFace() throws IOException {
        GemmaCheckpoint checkpoint = GemmaCheckpoint.write(temp.resolve("model"), TinyGemma.gemma2());
        editConfig(checkpoint.directory(), config -> {
            config.add("sliding_window", null);
            config.remove("attn_logit_softcapping");
        });
        long[] ids = toLongs(checkpoint.randomIds(new Random(9), 12));
        double[][][] expected = new GemmaReference(checkpoint.model().withWindow(0).withSoftcap(50),
                checkpoint.weights()).hiddenStates(toInts(ids));
        try (DecoderModel decoder = load(checkpoint.directory());
                NDManager manager = NDManager.newBaseManager(Device.cpu())) {
            float[][][] states = HiddenStates.of(decoder, List.of(ids), manager);
            for (int layer = 0; layer < states.length; layer++) {
                assertThat(Differences.relative(states[layer][0], Differences.flatten(expected[layer])))
                        .as("null sliding_window: none; absent attn_logit_softcapping: 50; hidden state %d", layer)
                        .isLessThan(TOLERANCE);
            }
        }
    }

    @Test
    void float16IsRefusedWithTheReasonAndTheFix() {
        for (TinyGemma model : List.of(TinyGemma.gemma(), TinyGemma.gemma2(), TinyGemma.gemma3())) {
            GemmaCheckpoint checkpoint = GemmaCheckpoint.write(temp.resolve(model.modelType()), model);
            assertThatThrownBy(() -> DecoderCheckpoint.read(checkpoint.directory()).load(Device.cpu(),
                    DataType.FLOAT16)).isInstanceOf(MexaException.class)
                    .hasMessageContaining("float16").hasMessageContaining("Gemma")
                    .hasMessageContaining(model.modelType()).hasMessageContaining("float32");
        }
    }

    @Test
    void configurationsThisRuntimeDoesNotImplementAreRejectedNamingTheKey() throws IOException {
        GemmaCheckpoint checkpoint = GemmaCheckpoint.write(temp.resolve("model"), TinyGemma.gemma3());
        assertRejected(checkpoint.directory(), config -> config.addProperty("use_bidirectional_attention", true),
                "use_bidirectional_attention");
        assertRejected(checkpoint.directory(), config -> config.addProperty("hidden_activation", "relu"),
                "hidden_activation");
        assertRejected(checkpoint.directory(), config -> {
            JsonArray types = new JsonArray();
            types.add("sliding_attention");
            config.add("layer_types", types);
        }, "layer_types");
        assertRejected(checkpoint.directory(), config -> {
            JsonArray types = new JsonArray();
            for (int layer = 0; layer < checkpoint.model().layers(); layer++) {
                types.add("chunked_attention");
            }
            config.add("layer_types", types);
        }, "layer_types");
    }

    private static void assertRejected(Path directory, Consumer<JsonObject> edit, String key) throws IOException {
        String original = Files.readString(directory.resolve("config.json"));
        editConfig(directory, edit);
        try {
            assertThatThrownBy(() -> DecoderCheckpoint.read(directory)).isInstanceOf(MexaException.class)
                    .hasMessageContaining("config.json").hasMessageContaining("'" + key + "'");
        } finally {
            Files.writeString(directory.resolve("config.json"), original);
        }
    }

    private static void editConfig(Path directory, Consumer<JsonObject> edit) throws IOException {
        Path file = directory.resolve("config.json");
        JsonObject config = JsonParser.parseString(Files.readString(file)).getAsJsonObject();
        edit.accept(config);
        Files.writeString(file, config.toString());
    }

    private static DecoderModel load(Path directory) {
        return DecoderCheckpoint.read(directory).load(Device.cpu(), DataType.FLOAT32);
    }

    private static long[] toLongs(int[] ids) {
        return java.util.Arrays.stream(ids).asLongStream().toArray();
    }

    private static int[] toInts(long[] ids) {
        return java.util.Arrays.stream(ids).mapToInt(id -> (int) id).toArray();
    }
}
