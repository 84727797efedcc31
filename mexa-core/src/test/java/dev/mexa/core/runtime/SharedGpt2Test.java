package dev.mexa.core.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.mexa.core.embedding.EmbeddingMethod;
import dev.mexa.core.runtime.model.DecoderModel;
import dev.mexa.core.runtime.model.DecoderCheckpoint;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code ../shared/models/tiny-random-gpt2}: logits and greedy continuations published by another inference
 * runtime's tests (an independent reference), then the numpy-derived hidden states and MEXA embeddings.
 */
class SharedGpt2Test {

    private static DecoderModel model;
    private static JsonObject reference;
    private static Path directory;

    @BeforeAll
    static void load() {
        directory = SharedMaterial.require("models/tiny-random-gpt2");
        reference = SharedMaterial.json(directory.resolve("reference_outputs.json"));
        model = DecoderCheckpoint.read(directory).load(Device.cpu(), DataType.FLOAT32);
    }

    @AfterAll
    static void close() {
        if (model != null) {
            model.close();
        }
    }

    @Test
    void publishedLogitsAgreeWithinOneTenThousandth() {
        JsonObject published = reference.getAsJsonObject("published");
        JsonArray inputs = published.getAsJsonArray("input_ids");
        double[] expected = SharedMaterial.numbers(published.get("logits_every_200th_vocab_entry_atol_1e-3"));
        List<Float> actual = new ArrayList<>();
        for (JsonElement input : inputs) {
            float[] logits = lastLogits(SharedMaterial.ids(input), false);
            int vocab = 1000;
            for (int position = 0; position < logits.length / vocab; position++) {
                for (int entry = 0; entry < vocab; entry += 200) {
                    actual.add(logits[position * vocab + entry]);
                }
            }
        }
        assertThat(actual).hasSize(expected.length);
        for (int i = 0; i < expected.length; i++) {
            assertThat((double) actual.get(i)).as("logit %d", i).isCloseTo(expected[i],
                    org.assertj.core.data.Offset.offset(1e-4));
        }
    }

    @Test
    void greedyContinuationsEqualThePublishedOnes() {
        JsonObject published = reference.getAsJsonObject("published");
        JsonArray inputs = published.getAsJsonArray("input_ids");
        JsonArray continuations = published.getAsJsonArray("greedy_max_length_10");
        for (int row = 0; row < inputs.size(); row++) {
            List<Long> sequence = new ArrayList<>();
            for (long id : SharedMaterial.ids(inputs.get(row))) {
                sequence.add(id);
            }
            while (sequence.size() < 10) {
                float[] next = lastLogits(sequence.stream().mapToLong(Long::longValue).toArray(), true);
                int best = 0;
                for (int token = 1; token < next.length; token++) {
                    best = next[token] > next[best] ? token : best;
                }
                sequence.add((long) best);
            }
            assertThat(sequence.stream().mapToLong(Long::longValue).toArray())
                    .containsExactly(SharedMaterial.ids(continuations.get(row)));
        }
    }

    @Test
    void hiddenStatesAndEmbeddingsMatchTheNumpyDerivation() {
        for (JsonElement element : reference.getAsJsonArray("derived_numpy")) {
            JsonObject item = element.getAsJsonObject();
            long[] ids = SharedMaterial.ids(item.get("input_ids"));
            List<float[]> states = new ArrayList<>();
            try (NDManager manager = NDManager.newBaseManager(Device.cpu())) {
                model.forward(manager.create(ids).expandDims(0), manager.ones(new ai.djl.ndarray.types.Shape(1,
                        ids.length)), (state, layer) -> states.add(state.toFloatArray()));
                assertThat(Differences.relative(concat(states), SharedMaterial.numbers(item.get("hidden_states"))))
                        .isLessThan(1e-5);
                assertThat(Differences.relative(embed(ids, EmbeddingMethod.WEIGHTED_AVERAGE, manager),
                        SharedMaterial.numbers(item.get("mexa_weighted")))).isLessThan(1e-5);
                assertThat(Differences.relative(embed(ids, EmbeddingMethod.LAST_TOKEN, manager),
                        SharedMaterial.numbers(item.get("mexa_lasttoken")))).isLessThan(1e-5);
            }
            assertThat(Differences.relative(lastLogits(ids, false), SharedMaterial.numbers(item.get("logits"))))
                    .isLessThan(1e-5);
        }
    }

    private static float[] embed(long[] ids, EmbeddingMethod method, NDManager manager) {
        return new SentenceEncoder(model, null, method, 1).encodeTokens(List.of(ids), manager).toFloatArray();
    }

    /** @return logits of every position, or of the last one only */
    private static float[] lastLogits(long[] ids, boolean lastOnly) {
        try (NDManager manager = NDManager.newBaseManager(Device.cpu())) {
            NDArray[] logits = new NDArray[1];
            model.forward(manager.create(ids).expandDims(0), manager.ones(new ai.djl.ndarray.types.Shape(1,
                    ids.length)), (state, layer) -> {
                        if (layer == model.config().layers()) {
                            logits[0] = Logits.of(directory, state);
                        }
                    });
            NDArray all = logits[0].get(0);
            return (lastOnly ? all.get(new NDIndex("-1")) : all).toFloatArray();
        }
    }

    private static float[] concat(List<float[]> parts) {
        int total = parts.stream().mapToInt(part -> part.length).sum();
        float[] out = new float[total];
        int at = 0;
        for (float[] part : parts) {
            System.arraycopy(part, 0, out, at, part.length);
            at += part.length;
        }
        return out;
    }
}
