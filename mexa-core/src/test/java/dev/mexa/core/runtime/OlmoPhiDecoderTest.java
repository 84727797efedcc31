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
import dev.mexa.core.runtime.model.DecoderCheckpoint;
import dev.mexa.core.runtime.model.DecoderModel;
import dev.mexa.core.safetensors.DType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The olmo, olmo2 and phi3 families against the float64 {@link OlmoPhiReference} on generated checkpoints, so that
 * a clone without {@code ../shared} checks them too: per-token hidden states of a right-padded batch, sentence
 * embeddings of batches against one sentence at a time, and float16 compute against float32 on the CPU. The
 * sentence lengths straddle the longrope model's original context (6 tokens), so one batch mixes short and long
 * factors.
 */
class OlmoPhiDecoderTest {

    private static final double TOLERANCE = 1e-5;
    private static final int[] WORDS = {9, 1, 4, 12, 5, 6};

    @TempDir
    Path temp;

    static Stream<OlmoPhiModel> models() {
        return Stream.of(OlmoPhiModel.olmo(), OlmoPhiModel.olmo().withAttentionBias(true).withDtype(DType.BF16),
                OlmoPhiModel.olmo2(), OlmoPhiModel.olmo2().withAttentionBias(true).withDtype(DType.F16),
                OlmoPhiModel.phi3(), OlmoPhiModel.phi3Longrope());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void hiddenStatesAndEmbeddingsMatchTheFloat64Reference(OlmoPhiModel model) {
        OlmoPhiCheckpoint checkpoint = OlmoPhiCheckpoint.write(temp.resolve("model"), model);
        OlmoPhiReference reference = new OlmoPhiReference(checkpoint);
        List<long[]> sentences = sentences(checkpoint);
        List<double[][][]> expected = sentences.stream()
                .map(ids -> reference.hiddenStates(DecoderReferenceTest.toInts(ids))).toList();
        double[] worst = new double[3];
        try (DecoderModel decoder = DecoderCheckpoint.read(checkpoint.directory).load(Device.cpu(), DataType.FLOAT32);
                NDManager manager = NDManager.newBaseManager(Device.cpu())) {
            TokenBatch batch = new TokenBatch(new int[] {0, 1, 2, 3, 4, 5}, sentences);
            decoder.forward(batch.ids(manager), batch.mask(manager), (state, layer) -> {
                for (int row = 0; row < sentences.size(); row++) {
                    float[] ours = state.get(new NDIndex("{}, :{}", row, sentences.get(row).length)).toFloatArray();
                    double difference = Differences.relative(ours, Differences.flatten(expected.get(row)[layer]));
                    assertThat(difference).as("sentence %d, hidden state %d", row, layer).isLessThan(TOLERANCE);
                    worst[0] = Math.max(worst[0], difference);
                }
            });
            for (EmbeddingMethod method : List.of(EmbeddingMethod.WEIGHTED_AVERAGE, EmbeddingMethod.LAST_TOKEN)) {
                NDArray batched = new SentenceEncoder(decoder, null, method, 4).encodeTokens(sentences, manager);
                NDArray alone = new SentenceEncoder(decoder, null, method, 1).encodeTokens(sentences, manager);
                double batching = Differences.relative(batched.toFloatArray(), alone.toFloatArray());
                assertThat(batching).as("%s batched vs one at a time", method).isLessThan(TOLERANCE);
                worst[2] = Math.max(worst[2], batching);
                for (int row = 0; row < sentences.size(); row++) {
                    double[][] pooled = ReferenceDecoder.pool(expected.get(row), method == EmbeddingMethod.LAST_TOKEN);
                    for (int layer = 0; layer <= model.layers(); layer++) {
                        float[] ours = batched.get(new NDIndex("{}, {}", layer, row)).toFloatArray();
                        double difference = Differences.relative(ours, pooled[layer]);
                        assertThat(difference).as("%s sentence %d layer %d", method, row, layer).isLessThan(TOLERANCE);
                        worst[1] = Math.max(worst[1], difference);
                    }
                }
            }
        }
        System.out.printf(Locale.ROOT, "%s: hidden states %.1e, embeddings %.1e, batched vs alone %.1e (worst,"
                + " relative to the float64 reference)%n", model, worst[0], worst[1], worst[2]);
    }

    static Stream<OlmoPhiModel> float16Models() {
        return Stream.of(OlmoPhiModel.olmo(), OlmoPhiModel.phi3(), OlmoPhiModel.phi3Longrope());
    }

    /** float16 on the CPU (slow, so at this size only): embeddings within float16 rounding of float32's. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("float16Models")
    void float16EmbeddingsStayWithinHalfPrecisionOfFloat32(OlmoPhiModel model) {
        OlmoPhiCheckpoint checkpoint = OlmoPhiCheckpoint.write(temp.resolve("model"), model);
        List<long[]> sentences = sentences(checkpoint);
        DecoderCheckpoint read = DecoderCheckpoint.read(checkpoint.directory);
        try (DecoderModel wide = read.load(Device.cpu(), DataType.FLOAT32);
                DecoderModel half = read.load(Device.cpu(), DataType.FLOAT16);
                NDManager manager = NDManager.newBaseManager(Device.cpu())) {
            double worst = 0;
            for (EmbeddingMethod method : List.of(EmbeddingMethod.WEIGHTED_AVERAGE, EmbeddingMethod.LAST_TOKEN)) {
                NDArray single = new SentenceEncoder(wide, null, method, 4).encodeTokens(sentences, manager);
                NDArray ours = new SentenceEncoder(half, null, method, 4).encodeTokens(sentences, manager);
                for (int layer = 0; layer <= model.layers(); layer++) {
                    for (int row = 0; row < sentences.size(); row++) {
                        NDIndex index = new NDIndex("{}, {}", layer, row);
                        double difference = Differences.relative(ours.get(index).toFloatArray(),
                                single.get(index).toFloatArray());
                        assertThat(difference).as("%s sentence %d layer %d", method, row, layer).isLessThan(1e-2);
                        worst = Math.max(worst, difference);
                    }
                }
            }
            System.out.printf(Locale.ROOT, "%s: float16 vs float32 embeddings %.1e (worst vector, relative)%n", model,
                    worst);
        }
    }

    @Test
    void olmo2RefusesFloat16() {
        OlmoPhiCheckpoint checkpoint = OlmoPhiCheckpoint.write(temp.resolve("model"), OlmoPhiModel.olmo2());
        DecoderCheckpoint read = DecoderCheckpoint.read(checkpoint.directory);
        assertThatThrownBy(() -> read.load(Device.cpu(), DataType.FLOAT16)).isInstanceOf(MexaException.class)
                .hasMessageContaining("float16").hasMessageContaining("OLMo 2")
                .hasMessageContaining(checkpoint.directory.resolve("config.json").toString());
    }

    private static List<long[]> sentences(OlmoPhiCheckpoint checkpoint) {
        Random random = new Random(checkpoint.model.seed() + 100);
        List<long[]> sentences = new ArrayList<>();
        for (int words : WORDS) {
            sentences.add(DecoderReferenceTest.toLongs(checkpoint.randomIds(random, words)));
        }
        return sentences;
    }
}
