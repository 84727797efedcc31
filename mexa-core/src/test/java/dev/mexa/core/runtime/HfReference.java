package dev.mexa.core.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.mexa.core.embedding.EmbeddingMethod;
import dev.mexa.core.runtime.model.DecoderCheckpoint;
import dev.mexa.core.runtime.model.DecoderModel;
import dev.mexa.core.safetensors.SafetensorsFile;
import dev.mexa.core.score.AlignmentScorer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Checks the runtime against one case of {@code ../shared/models/hf-reference} (computed by HF transformers' own
 * modelling code, see its README): the tokenizer gives the reference ids of s0..s2, their per-token hidden states
 * (run as one padded batch) and every language's per-layer {@code weighted} and {@code last} sentence embeddings
 * (batches of 4) agree within {@link #TOLERANCE} relative, and the per-layer scores of every non-pivot language
 * are identical. Skips with the reason when the shared material is absent.
 */
final class HfReference {

    /** Relative tolerance: max |ours - HF| over a vector, divided by max |HF| of that vector. */
    static final double TOLERANCE = 1e-5;
    private static final String PIVOT = "eng_Latn";
    private static final int BATCH = 4;

    private HfReference() {
    }

    /**
     * @param name a case directory name under {@code models/hf-reference}
     * @return the worst relative differences found, for the log
     */
    static String check(String name) {
        Path directory = SharedMaterial.require("models/hf-reference/" + name);
        Path reference = directory.resolve("reference");
        try (DecoderModel model = DecoderCheckpoint.read(directory).load(Device.cpu(), DataType.FLOAT32);
                SentenceTokenizer tokenizer = new SentenceTokenizer(directory);
                NDManager manager = NDManager.newBaseManager(Device.cpu())) {
            List<String> pivot = sentences(directory, PIVOT);
            double states = hiddenStates(model, tokenizer, pivot, reference.resolve("hidden_states.safetensors"),
                    manager);
            JsonObject scores = JsonParser.parseString(read(reference.resolve("scores.json"))).getAsJsonObject();
            double worst = 0;
            for (EmbeddingMethod method : List.of(EmbeddingMethod.WEIGHTED_AVERAGE, EmbeddingMethod.LAST_TOKEN)) {
                String key = method == EmbeddingMethod.LAST_TOKEN ? "last" : "weighted";
                SentenceEncoder encoder = new SentenceEncoder(model, tokenizer, method, BATCH);
                NDArray pivotEmbeddings = encoder.encode(pivot, PIVOT, manager);
                for (String language : List.of(PIVOT, "deu_Latn", "fra_Latn", "swh_Latn")) {
                    NDArray ours = language.equals(PIVOT) ? pivotEmbeddings
                            : encoder.encode(sentences(directory, language), language, manager);
                    worst = Math.max(worst, worstVector(ours, reference.resolve(language + ".safetensors"), key,
                            manager, name + " " + language + " " + key));
                    if (!language.equals(PIVOT)) {
                        double[] expected = SharedMaterial.numbers(scores.getAsJsonObject(key).get(language));
                        assertThat(new AlignmentScorer().score(pivotEmbeddings, ours, language).scores())
                                .as("%s %s %s per-layer scores", name, language, key).containsExactly(expected);
                    }
                }
            }
            return String.format(Locale.ROOT, "%s: hidden states %.1e, embeddings %.1e (worst vector, relative)",
                    name, states, worst);
        }
    }

    private static double hiddenStates(DecoderModel model, SentenceTokenizer tokenizer, List<String> pivot,
            Path file, NDManager manager) {
        List<long[]> ids = new ArrayList<>();
        for (int s = 0; s < 3; s++) {
            long[] expected = int64(file, "ids" + s);
            assertThat(tokenizer.encode(pivot.get(s))).as("token ids of s%d", s).containsExactly(expected);
            ids.add(expected);
        }
        TokenBatch batch = new TokenBatch(new int[] {0, 1, 2}, ids);
        List<NDArray> expected = new ArrayList<>();
        try (SafetensorsFile states = SafetensorsFile.open(file)) {
            for (int s = 0; s < 3; s++) {
                expected.add(manager.create(states.readFloats("s" + s), new Shape(states.info("s" + s).shape())));
            }
        }
        double[] worst = {0};
        model.forward(batch.ids(manager), batch.mask(manager), (state, layer) -> {
            for (int s = 0; s < 3; s++) {
                NDArray ours = state.get(new NDIndex("{}, :{}", s, ids.get(s).length));
                float[] relative = relativePerRow(ours, expected.get(s).get(layer));
                for (int t = 0; t < relative.length; t++) {
                    assertThat((double) relative[t]).as("s%d token %d hidden state %d", s, t, layer)
                            .isLessThan(TOLERANCE);
                    worst[0] = Math.max(worst[0], relative[t]);
                }
            }
        });
        return worst[0];
    }

    /** @return per row of the last axis: max |ours - HF| / max |HF|, computed in float64 */
    private static float[] relativePerRow(NDArray ours, NDArray reference) {
        NDArray wide = reference.toType(DataType.FLOAT64, false);
        int last = wide.getShape().dimension() - 1;
        return ours.toType(DataType.FLOAT64, false).sub(wide).abs().max(new int[] {last})
                .div(wide.abs().max(new int[] {last})).toType(DataType.FLOAT32, false).toFloatArray();
    }

    private static double worstVector(NDArray ours, Path file, String key, NDManager manager, String where) {
        try (SafetensorsFile reference = SafetensorsFile.open(file)) {
            long[] shape = reference.info(key).shape();
            assertThat(ours.getShape().getShape()).as(where + " shape").containsExactly(shape);
            NDArray expected = manager.create(reference.readFloats(key), new Shape(shape));
            float[] relative = relativePerRow(ours, expected);
            double worst = 0;
            for (int i = 0; i < relative.length; i++) {
                assertThat((double) relative[i]).as("%s layer %d sentence %d", where, i / shape[1], i % shape[1])
                        .isLessThan(TOLERANCE);
                worst = Math.max(worst, relative[i]);
            }
            return worst;
        }
    }

    private static List<String> sentences(Path directory, String language) {
        return List.of(read(directory.resolve("corpus/" + language + ".devtest")).split("\n"));
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads an int64 tensor from the safetensors layout directly (the runtime's reader reads floats only). */
    private static long[] int64(Path file, String name) {
        try {
            ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
            int headerLength = (int) bytes.getLong(0);
            JsonObject header = JsonParser.parseString(new String(bytes.array(), 8, headerLength,
                    StandardCharsets.UTF_8)).getAsJsonObject();
            JsonObject entry = header.getAsJsonObject(name);
            assertThat(entry.get("dtype").getAsString()).isEqualTo("I64");
            JsonArray offsets = entry.getAsJsonArray("data_offsets");
            long begin = offsets.get(0).getAsLong();
            long[] values = new long[(int) ((offsets.get(1).getAsLong() - begin) / 8)];
            for (int i = 0; i < values.length; i++) {
                values[i] = bytes.getLong((int) (8 + headerLength + begin + 8L * i));
            }
            return values;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
