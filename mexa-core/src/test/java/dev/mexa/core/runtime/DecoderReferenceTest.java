package dev.mexa.core.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import dev.mexa.core.runtime.model.DecoderModel;
import dev.mexa.core.runtime.model.DecoderCheckpoint;
import dev.mexa.core.safetensors.DType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hidden states and logits of the DJL forward pass against the float64 {@link ReferenceDecoder}, for every
 * architecture, on a right-padded batch of sentences of different lengths; models with an even seed are written
 * as two shards with an index.
 */
class DecoderReferenceTest {

    private static final double TOLERANCE = 1e-5;

    @TempDir
    Path temp;

    static Stream<TinyModel> models() {
        TinyModel llama = TinyModel.llama();
        return Stream.of(
                llama,
                new TinyModel("llama", 40, 32, 2, 4, 4, 16, 40, 500000, new double[] {8, 1, 4, 64}, true, DType.BF16,
                        false, 0, 3),
                new TinyModel("llama", 30, 24, 2, 3, 3, 8, 32, 25000, null, false, DType.F16, true, 0, 4),
                new TinyModel("mistral", 30, 32, 2, 4, 1, 8, 48, 1e6, null, false, DType.F16, false, 4, 5),
                new TinyModel("qwen2", 30, 32, 3, 4, 2, 8, 48, 1e6, null, true, DType.F32, false, 0, 6),
                llama.withType("mistral").withDtype(DType.BF16),
                llama.withRopeScaling("{\"rope_type\": \"linear\", \"factor\": 4.0}", 2048),
                // 8 positions: the batch's sentences of 8, 2, 13 and 5 tokens get their own frequencies
                llama.withRopeScaling("{\"rope_type\": \"dynamic\", \"factor\": 2.0}", 8),
                llama.withRopeScaling("{\"rope_type\": \"yarn\", \"factor\": 4.0}", 64),
                llama.withRopeScaling("{\"rope_type\": \"longrope\", \"short_factor\": [1.0, 1.2, 1.5, 2.0],"
                        + " \"long_factor\": [2.0, 3.0, 5.0, 8.0]}", 32),
                new TinyModel("qwen2", 30, 32, 3, 4, 2, 8, 48, 1e6, null, false, DType.F32, false, 0, 7)
                        .withWindowLayers(3, 1),
                new TinyModel("qwen3", 30, 32, 2, 4, 2, 12, 48, 1e6, null, true, DType.F32, false, 0, 8),
                new TinyModel("qwen3", 30, 32, 3, 4, 1, 8, 48, 1e4, null, false, DType.BF16, true, 0, 9)
                        .withWindowLayers(2, 2),
                TinyModel.gpt2(),
                TinyModel.gpt2().withDtype(DType.BF16));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void hiddenStatesAndLogitsMatchTheFloat64Reference(TinyModel model) {
        int shards = model.seed() % 2 == 0 ? 2 : 1;
        TinyCheckpoint checkpoint = TinyCheckpoint.write(temp.resolve("model"), model, shards);
        ReferenceDecoder reference = new ReferenceDecoder(checkpoint);
        Random random = new Random(model.seed() + 100);
        List<long[]> batch = new ArrayList<>();
        for (int words : new int[] {7, 1, 12, 4}) {
            batch.add(toLongs(checkpoint.ids(checkpoint.sentence(random, words))));
        }
        TokenBatch tokens = new TokenBatch(new int[] {0, 1, 2, 3}, batch);
        try (DecoderModel decoder = DecoderCheckpoint.read(checkpoint.directory).load(Device.cpu(), DataType.FLOAT32);
                NDManager manager = NDManager.newBaseManager(Device.cpu())) {
            List<float[][]> states = new ArrayList<>();
            NDArray[] finalState = new NDArray[1];
            decoder.forward(tokens.ids(manager), tokens.mask(manager), (state, layer) -> {
                float[][] rows = new float[batch.size()][];
                for (int row = 0; row < batch.size(); row++) {
                    rows[row] = state.get(new NDIndex("{}, :{}", row, batch.get(row).length)).toFloatArray();
                }
                states.add(rows);
                if (layer == model.layers()) {
                    finalState[0] = Logits.of(checkpoint.directory, state);
                }
            });
            assertThat(states).hasSize(model.layers() + 1);
            for (int row = 0; row < batch.size(); row++) {
                double[][][] expected = reference.hiddenStates(toInts(batch.get(row)));
                for (int layer = 0; layer <= model.layers(); layer++) {
                    assertThat(Differences.relative(states.get(layer)[row], flatten(expected[layer])))
                            .as("sentence %d, hidden state %d", row, layer).isLessThan(TOLERANCE);
                }
                float[] logits = finalState[0].get(new NDIndex("{}, :{}", row, batch.get(row).length))
                        .toFloatArray();
                assertThat(Differences.relative(logits, flatten(reference.logits(expected[model.layers()]))))
                        .as("logits of sentence %d", row).isLessThan(TOLERANCE);
            }
        }
    }

    static double[] flatten(double[][] rows) {
        return Differences.flatten(rows);
    }

    static long[] toLongs(int[] ids) {
        long[] out = new long[ids.length];
        for (int i = 0; i < ids.length; i++) {
            out[i] = ids[i];
        }
        return out;
    }

    static int[] toInts(long[] ids) {
        int[] out = new int[ids.length];
        for (int i = 0; i < ids.length; i++) {
            out[i] = (int) ids[i];
        }
        return out;
    }
}
