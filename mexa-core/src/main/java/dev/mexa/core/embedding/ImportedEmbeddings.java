package dev.mexa.core.embedding;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.mexa.core.MexaException;
import dev.mexa.core.io.IoReason;
import dev.mexa.core.safetensors.DType;
import dev.mexa.core.safetensors.SafetensorsFile;
import dev.mexa.core.safetensors.TensorInfo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Stream;

/** Sentence embeddings made elsewhere, read from an {@link EmbeddingFiles} directory. */
public final class ImportedEmbeddings implements EmbeddingSource {

    private final Path directory;
    private final SortedSet<String> languages;
    private final EmbeddingMethod method;
    private final Map<String, long[]> shapes = new HashMap<>();
    private final Optional<ExportOrigin> origin;

    /**
     * @param directory a directory of {@code <lang>.safetensors} files
     * @throws MexaException when the directory is missing or holds no such file
     */
    public ImportedEmbeddings(Path directory) {
        this.directory = directory;
        if (!Files.isDirectory(directory)) {
            throw new MexaException("Embeddings directory " + directory + " does not exist: set embeddings"
                    + " (mexa.embeddings) to a directory of <lang>.safetensors files.");
        }
        SortedSet<String> found = new TreeSet<>();
        try (Stream<Path> files = Files.list(directory)) {
            files.filter(path -> path.getFileName().toString().endsWith(EmbeddingFiles.EXTENSION))
                    .forEach(path -> found.add(EmbeddingFiles.language(path)));
        } catch (IOException e) {
            throw new MexaException("Cannot list embeddings directory " + directory + ": " + IoReason.of(e) + ".", e);
        }
        if (found.isEmpty()) {
            throw new MexaException("Embeddings directory " + directory + " holds no <lang>.safetensors file: export"
                    + " embeddings there first (tensor '" + EmbeddingFiles.TENSOR + "', shape [layers, n, hidden]).");
        }
        this.origin = EmbeddingExport.checkComplete(directory, found);
        this.languages = Collections.unmodifiableSortedSet(found);
        String firstId = null;
        Path firstFile = null;
        for (String language : found) {
            Path file = EmbeddingFiles.file(directory, language);
            String id = readHeader(file, language);
            if (firstId == null) {
                firstId = id;
                firstFile = file;
            } else if (!firstId.equals(id)) {
                throw new MexaException("Embeddings " + firstFile + " were made with '" + firstId + "' but "
                        + file + " with '" + id + "': export every language with the same embedding method.");
            }
        }
        this.method = EmbeddingMethod.parse(firstId);
    }

    /**
     * Reads one file's header (not its data) and checks its tensor, so that a malformed file fails here, before
     * anything is scored; files made with different embedding methods cannot be compared.
     *
     * @return the embedding method the file records
     */
    private String readHeader(Path file, String language) {
        try (SafetensorsFile safetensors = SafetensorsFile.open(file)) {
            TensorInfo info = safetensors.info(EmbeddingFiles.TENSOR);
            if (info.shape().length != 3 || info.elementCount() == 0) {
                throw new MexaException("Tensor '" + EmbeddingFiles.TENSOR + "' of " + file + " has shape "
                        + Arrays.toString(info.shape()) + "; expected a non-empty [layers, sentences, hidden].");
            }
            if (info.dtype() != DType.F32 && info.dtype() != DType.F16 && info.dtype() != DType.BF16) {
                throw new MexaException("Tensor '" + EmbeddingFiles.TENSOR + "' of " + file + " has dtype "
                        + info.dtype() + "; expected F32, F16 or BF16.");
            }
            shapes.put(language, info.shape());
            return safetensors.metadata().getOrDefault(EmbeddingFiles.METHOD_KEY, EmbeddingMethod.IMPORTED.id());
        }
    }

    /** @return the directory the embeddings are read from */
    public Path directory() {
        return directory;
    }

    /**
     * @return what the embeddings were made with, as the export marker records it; empty for embeddings made by
     *     another tool, or exported before markers recorded it
     */
    public Optional<ExportOrigin> origin() {
        return origin;
    }

    /**
     * @param language a code from {@link #languages()}
     * @return the shape of its tensor, {@code [layers, sentences, hidden]}, as its header says
     */
    public long[] shape(String language) {
        return shapes.get(language).clone();
    }

    @Override
    public String description() {
        return directory.toString();
    }

    @Override
    public String corpusDescription() {
        return null;
    }

    @Override
    public EmbeddingMethod method() {
        return method;
    }

    @Override
    public SortedSet<String> languages() {
        return languages;
    }

    @Override
    public int sentences(String language) {
        return (int) shapes.get(language)[1];
    }

    @Override
    public OptionalInt hiddenStates(String language) {
        return OptionalInt.of((int) shapes.get(language)[0]);
    }

    @Override
    public NDArray embed(String language, NDManager manager) {
        try (SafetensorsFile safetensors = SafetensorsFile.open(EmbeddingFiles.file(directory, language))) {
            return manager.create(safetensors.readFloats(EmbeddingFiles.TENSOR), new Shape(shapes.get(language)));
        }
    }

    @Override
    public void close() {
        // files are opened per language and closed at once
    }
}
