package dev.mexa.core.embedding;

import ai.djl.ndarray.NDArray;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.mexa.core.MexaException;
import dev.mexa.core.corpus.Shard;
import dev.mexa.core.io.AtomicFiles;
import dev.mexa.core.io.StrictJson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * An export of embeddings in progress, with its completion marker {@value #MARKER}: before the first language is
 * written the marker says the export is unfinished, and only after the last one does it say complete and list the
 * languages. An interrupted or failed export therefore never imports as if it were whole. The marker also records
 * the export's {@link ExportOrigin}: the model's fingerprint, dtype, device kind and shard. A directory without a
 * marker holds embeddings made elsewhere and is imported as it is.
 */
public final class EmbeddingExport {

    /** The completion marker's file name. */
    public static final String MARKER = "mexa-export.json";

    private static final String FORMAT = "mexa-embeddings-export/1";
    private static final String SHARD = "shard";
    private static final String REMEDY = "Re-run the export (mexa.exportEmbeddings) to the end, or delete the"
            + " directory.";

    private final Path directory;
    private final ExportOrigin origin;
    private final SortedSet<String> written = new TreeSet<>();

    /**
     * @param directory the embeddings directory to write
     * @param origin what the embeddings are made with, recorded in the marker
     */
    public EmbeddingExport(Path directory, ExportOrigin origin) {
        this.directory = directory;
        this.origin = origin;
    }

    /**
     * Writes one language's embeddings; the marker says unfinished before the first and lists each one written.
     *
     * @param language the language code
     * @param embeddings {@code [layers, sentences, hidden]}
     * @param method how they were made
     */
    public void write(String language, NDArray embeddings, EmbeddingMethod method) {
        if (written.isEmpty()) {
            writeMarker(false);
        }
        EmbeddingFiles.write(directory, language, embeddings, method);
        written.add(language);
        writeMarker(false);
    }

    /** Marks the export complete: every language that was to be exported has been written. */
    public void complete() {
        writeMarker(true);
    }

    private void writeMarker(boolean complete) {
        JsonObject marker = new JsonObject();
        marker.addProperty("format", FORMAT);
        marker.addProperty("complete", complete);
        JsonArray languages = new JsonArray();
        written.forEach(languages::add);
        marker.add("languages", languages);
        origin.settings().forEach(marker::addProperty);
        marker.addProperty(SHARD, origin.shard().toString());
        AtomicFiles.write(directory.resolve(MARKER), marker + "\n");
    }

    /**
     * Checks an embeddings directory's marker, when it has one, against the files it holds.
     *
     * @param directory the embeddings directory
     * @param found the languages of its {@code <lang>.safetensors} files
     * @return the origin the marker records; empty without a marker, or for a marker written before origins were
     * @throws MexaException naming the directory when the export is unfinished or its files do not match the marker,
     *     and naming the marker when its origin is malformed
     */
    static Optional<ExportOrigin> checkComplete(Path directory, SortedSet<String> found) {
        Path file = directory.resolve(MARKER);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        JsonElement root = StrictJson.read(file, "export marker", REMEDY);
        JsonElement complete = root.isJsonObject() ? root.getAsJsonObject().get("complete") : null;
        JsonElement languages = root.isJsonObject() ? root.getAsJsonObject().get("languages") : null;
        if (complete == null || !complete.isJsonPrimitive() || !complete.getAsJsonPrimitive().isBoolean()
                || languages == null || !languages.isJsonArray()) {
            throw new MexaException("Export marker " + file + " lacks 'complete' and 'languages'. " + REMEDY);
        }
        if (!complete.getAsBoolean()) {
            throw new MexaException("Embeddings directory " + directory + " holds an unfinished export ("
                    + languages.getAsJsonArray().size() + " languages were written when it stopped). " + REMEDY);
        }
        SortedSet<String> listed = new TreeSet<>();
        for (JsonElement language : languages.getAsJsonArray()) {
            if (!language.isJsonPrimitive() || !language.getAsJsonPrimitive().isString()) {
                throw new MexaException("Export marker " + file + " lists " + language + " instead of a language"
                        + " code. " + REMEDY);
            }
            listed.add(language.getAsString());
        }
        if (!listed.equals(found)) {
            SortedSet<String> missing = new TreeSet<>(listed);
            missing.removeAll(found);
            SortedSet<String> extra = new TreeSet<>(found);
            extra.removeAll(listed);
            throw new MexaException("Embeddings directory " + directory + " does not match its export marker"
                    + (missing.isEmpty() ? "" : ": files missing for " + String.join(", ", missing))
                    + (extra.isEmpty() ? "" : ": files not part of the export for " + String.join(", ", extra))
                    + ". " + REMEDY);
        }
        return origin(file, root.getAsJsonObject());
    }

    private static Optional<ExportOrigin> origin(Path file, JsonObject marker) {
        if (!marker.has("model")) {
            return Optional.empty();
        }
        String shard = text(file, marker, SHARD);
        try {
            return Optional.of(new ExportOrigin(text(file, marker, "model"), text(file, marker, "dtype"),
                    text(file, marker, "device"), Shard.parse(shard)));
        } catch (MexaException e) {
            throw new MexaException("Export marker " + file + " records shard '" + shard + "', which is not K/N. "
                    + REMEDY, e);
        }
    }

    private static String text(Path file, JsonObject marker, String key) {
        JsonElement value = marker.get(key);
        if (value == null || !value.isJsonPrimitive() || !value.getAsJsonPrimitive().isString()
                || value.getAsString().isBlank()) {
            throw new MexaException("Export marker " + file + " lacks '" + key + "' beside 'model'. " + REMEDY);
        }
        return value.getAsString();
    }
}
