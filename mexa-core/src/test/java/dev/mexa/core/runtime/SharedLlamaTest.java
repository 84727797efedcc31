package dev.mexa.core.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.mexa.core.embedding.EmbeddingMethod;
import dev.mexa.core.runtime.model.DecoderModel;
import dev.mexa.core.runtime.model.DecoderCheckpoint;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@code ../shared/models/tiny-random-llama-1head-fp16} with the real Llama-2 tokenizer: token ids against the
 * published ones of {@code ../shared/data/tokenizer-reference}, and the model against its numpy-derived outputs.
 */
class SharedLlamaTest {

    /** Sentences whose published token list lacks the final token (see the shared README). */
    private static final int PUBLISHED_SHORT_BY_ONE = 34;

    @Test
    void llama2TokenizerGivesThePublishedIdsAfterBos() throws IOException {
        Path model = SharedMaterial.require("models/tiny-random-llama-1head-fp16");
        Path references = SharedMaterial.require("data/tokenizer-reference");
        int sentences = 0;
        int shortByOne = 0;
        try (SentenceTokenizer tokenizer = new SentenceTokenizer(model);
                Stream<Path> files = Files.list(references)) {
            for (Path file : files.filter(path -> path.toString().endsWith(".json")).sorted().toList()) {
                for (Map.Entry<String, JsonElement> entry : SharedMaterial.json(file).getAsJsonObject("LLAMA")
                        .entrySet()) {
                    JsonObject item = entry.getValue().getAsJsonObject();
                    long[] published = SharedMaterial.ids(item.get("tokens"));
                    long[] ours = tokenizer.encode(item.get("text").getAsString());
                    String where = file.getFileName() + " #" + entry.getKey();
                    assertThat(ours[0]).as(where + ": BOS <s>").isEqualTo(1L);
                    assertThat(ours.length - 1 - published.length).as(where).isBetween(0, 1);
                    assertThat(Arrays.copyOfRange(ours, 1, 1 + published.length)).as(where).containsExactly(published);
                    shortByOne += ours.length - 1 - published.length;
                    sentences++;
                }
            }
        }
        assertThat(sentences).isEqualTo(300);
        assertThat(shortByOne).isEqualTo(PUBLISHED_SHORT_BY_ONE);
    }

    @Test
    void modelMatchesTheNumpyDerivedOutputs() {
        Path directory = SharedMaterial.require("models/tiny-random-llama-1head-fp16");
        JsonObject reference = SharedMaterial.json(directory.resolve("reference_outputs_numpy.json"));
        try (DecoderModel model = DecoderCheckpoint.read(directory).load(Device.cpu(), DataType.FLOAT32);
                NDManager manager = NDManager.newBaseManager(Device.cpu())) {
            for (JsonElement element : reference.getAsJsonArray("cases")) {
                JsonObject item = element.getAsJsonObject();
                long[] ids = SharedMaterial.ids(item.get("input_ids"));
                String where = item.get("lang").getAsString() + " #" + item.get("example").getAsString();
                for (EmbeddingMethod method : List.of(EmbeddingMethod.WEIGHTED_AVERAGE, EmbeddingMethod.LAST_TOKEN)) {
                    float[] embedding = new SentenceEncoder(model, null, method, 1)
                            .encodeTokens(List.of(ids), manager).toFloatArray();
                    String key = method == EmbeddingMethod.LAST_TOKEN ? "mexa_lasttoken" : "mexa_weighted";
                    assertThat(Differences.relative(embedding, SharedMaterial.numbers(item.get(key))))
                            .as(where + " " + key).isLessThan(1e-5);
                }
                NDArray[] logits = new NDArray[1];
                model.forward(manager.create(ids).expandDims(0), manager.ones(new ai.djl.ndarray.types.Shape(1,
                        ids.length)), (state, layer) -> {
                            if (layer == model.config().layers()) {
                                logits[0] = Logits.of(directory, state).get(new NDIndex("0, -1"));
                            }
                        });
                assertThat(Differences.relative(logits[0].get(":8").toFloatArray(),
                        SharedMaterial.numbers(item.get("last_logits_first8")))).as(where).isLessThan(1e-5);
                assertThat(logits[0].argMax().getLong()).as(where).isEqualTo(item.get("argmax_last").getAsLong());
            }
        }
    }
}
