package dev.mexa.core.evaluate.fork;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.mexa.core.MexaException;
import dev.mexa.core.evaluate.EmbeddingsInput;
import dev.mexa.core.evaluate.EvaluationRequest;
import dev.mexa.core.evaluate.EvaluationSettings;
import dev.mexa.core.evaluate.ModelRunInput;
import dev.mexa.core.io.AtomicFiles;
import dev.mexa.core.io.InputFiles;
import dev.mexa.core.io.JsonFields;
import dev.mexa.core.io.StrictJson;
import dev.mexa.core.runtime.ModelSettings;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The request a scorer JVM runs, as a small versioned JSON file: the settings of {@link EvaluationRequest.Builder} by
 * name, so that the child builds its request through the same builder and every rule is checked by the one code that
 * checks it. The gate is not part of it: the child returns the ungated report and the parent gates it. Read strictly:
 * the exact format marker, every key present, no other key, each of its JSON type.
 */
final class ScorerRequestFile {

    static final String FORMAT = "mexa-scorer-request/1";

    private static final Set<String> KEYS = new TreeSet<>(List.of("format", "model", "corpus", "sentences",
            "embedding", "device", "dtype", "batchSize", "batchTokens", "threads", "halfWeights", "cacheDirectory",
            "exportEmbeddings", "embeddings", "pivot", "languages", "pooling", "layers", "shard"));
    private static final String FIX = "It is written by the build for its MEXA scorer JVM from the same version of"
            + " mexa-core: please report this with the output of mvn -e.";

    private ScorerRequestFile() {
    }

    /**
     * @param request a checked request
     * @param file where it goes
     */
    static void write(EvaluationRequest request, Path file) {
        JsonObject json = new JsonObject();
        json.addProperty("format", FORMAT);
        ModelSettings model = request.input() instanceof ModelRunInput run ? run.settings() : null;
        json.addProperty("model", model == null ? null : model.model().toString());
        json.addProperty("corpus", model == null || model.corpus() == null ? null : model.corpus().toString());
        json.addProperty("sentences", model == null ? ModelSettings.DEFAULT_SENTENCES : model.sentences());
        json.addProperty("embedding", model == null ? null : model.method().id());
        json.addProperty("device", model == null ? null : model.device().id());
        json.addProperty("dtype", model == null ? null : model.dtype().id());
        json.addProperty("batchSize", model == null ? ModelSettings.DEFAULT_BATCH_SIZE : model.batchSize());
        json.addProperty("batchTokens", model == null ? 0 : model.batchTokens());
        json.addProperty("threads", model == null ? 0 : model.threads());
        json.addProperty("halfWeights", model != null && model.halfWeights());
        json.addProperty("cacheDirectory", model == null || model.cacheDirectory() == null ? null
                : model.cacheDirectory().toString());
        json.addProperty("exportEmbeddings", model == null || model.exportEmbeddings() == null ? null
                : model.exportEmbeddings().toString());
        JsonArray embeddings = new JsonArray();
        if (request.input() instanceof EmbeddingsInput recorded) {
            recorded.directories().forEach(directory -> embeddings.add(directory.toString()));
        }
        json.add("embeddings", embeddings);
        EvaluationSettings settings = request.settings();
        json.addProperty("pivot", settings.pivot());
        JsonArray languages = new JsonArray();
        settings.languages().forEach(languages::add);
        json.add("languages", languages);
        json.addProperty("pooling", settings.pooling().id());
        json.addProperty("layers", settings.layerRange().toString());
        json.addProperty("shard", settings.shard().toString());
        AtomicFiles.write(file, json + "\n");
    }

    /**
     * @param file a file written by {@link #write}
     * @return its request, built and checked by {@link EvaluationRequest#builder()}, with no gate
     * @throws MexaException naming the file when it is not such a request, or the setting at fault
     */
    static EvaluationRequest read(Path file) {
        String source = "Scorer request " + file;
        JsonElement parsed = StrictJson.parse(InputFiles.readUtf8(file, "scorer request", 1024 * 1024), source, FIX);
        if (!parsed.isJsonObject()) {
            throw new MexaException(source + " is not a JSON object. " + FIX);
        }
        JsonObject json = parsed.getAsJsonObject();
        JsonFields fields = new JsonFields((key, value, expected) -> new MexaException(source + ": '" + key
                + "' is not " + expected + ". " + FIX));
        if (!FORMAT.equals(fields.text(json, "format", "format", false))) {
            throw new MexaException(source + " has the format " + json.get("format") + ", not \"" + FORMAT + "\". "
                    + FIX);
        }
        if (!json.keySet().equals(KEYS)) {
            throw new MexaException(source + " has the keys " + new TreeSet<>(json.keySet()) + ", not " + KEYS + ". "
                    + FIX);
        }
        EvaluationRequest.Builder builder = EvaluationRequest.builder()
                .pivot(text(fields, json, "pivot"))
                .languages(fields.texts(json, "languages", "languages", true))
                .pooling(text(fields, json, "pooling"))
                .layers(text(fields, json, "layers"))
                .shard(text(fields, json, "shard"));
        List<String> embeddings = fields.texts(json, "embeddings", "embeddings", true);
        if (!embeddings.isEmpty()) {
            return builder.embeddings(embeddings.stream().map(Path::of).toList()).build();
        }
        Path cacheDirectory = path(fields, json, "cacheDirectory");
        return builder.model(path(fields, json, "model"))
                .corpus(path(fields, json, "corpus"))
                .sentences(fields.integer(json, "sentences", "sentences"))
                .embedding(text(fields, json, "embedding"))
                .device(text(fields, json, "device"))
                .dtype(text(fields, json, "dtype"))
                .batchSize(fields.integer(json, "batchSize", "batchSize"))
                .batchTokens(fields.integer(json, "batchTokens", "batchTokens"))
                .threads(fields.integer(json, "threads", "threads"))
                .halfWeights(fields.flag(json, "halfWeights", "halfWeights", true))
                .cache(cacheDirectory != null)
                .cacheDirectory(cacheDirectory)
                .exportEmbeddings(path(fields, json, "exportEmbeddings"))
                .build();
    }

    /** @return the string of a key that may be null */
    private static String text(JsonFields fields, JsonObject json, String key) {
        return fields.text(json, key, key, false);
    }

    /** @return the path of a key that may be null */
    private static Path path(JsonFields fields, JsonObject json, String key) {
        String text = text(fields, json, key);
        return text == null ? null : Path.of(text);
    }
}
