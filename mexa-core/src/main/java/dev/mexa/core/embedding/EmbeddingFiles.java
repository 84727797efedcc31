package dev.mexa.core.embedding;

import ai.djl.ndarray.NDArray;
import dev.mexa.core.corpus.LanguageCode;
import dev.mexa.core.safetensors.DType;
import dev.mexa.core.safetensors.SafetensorsWriter;
import java.nio.file.Path;

/**
 * The embeddings exchange format: a directory with one {@code <lang>.safetensors} per language holding the tensor
 * {@code embeddings} of shape {@code [layers, sentences, hidden]} (F32, F16 or BF16). Written by
 * {@code mexa.exportEmbeddings}, read back by {@link ImportedEmbeddings}.
 */
public final class EmbeddingFiles {

    /** Name of the tensor in each file. */
    public static final String TENSOR = "embeddings";
    /** File name extension. */
    public static final String EXTENSION = ".safetensors";
    /** Metadata key recording the embedding method. */
    public static final String METHOD_KEY = "embedding";

    private EmbeddingFiles() {
    }

    /**
     * @param directory the embeddings directory
     * @param language a language code
     * @return the file for that language
     */
    public static Path file(Path directory, String language) {
        return directory.resolve(language + EXTENSION);
    }

    /**
     * @param file a {@code <lang>.safetensors} file of an embeddings directory
     * @return its language code
     * @throws dev.mexa.core.MexaException naming the file when its name is not a valid language code
     */
    public static String language(Path file) {
        String name = file.getFileName().toString();
        return LanguageCode.fromFileName(name.substring(0, name.length() - EXTENSION.length()), file);
    }

    /**
     * Writes one language's embeddings as float32.
     *
     * @param directory the embeddings directory
     * @param language the language code
     * @param embeddings {@code [layers, sentences, hidden]}
     * @param method how they were made, recorded in the file's metadata
     */
    public static void write(Path directory, String language, NDArray embeddings, EmbeddingMethod method) {
        float[] values = embeddings.toType(ai.djl.ndarray.types.DataType.FLOAT32, false).toFloatArray();
        write(directory, language, embeddings.getShape().getShape(), values, method);
    }

    /**
     * Writes one language's embeddings as float32.
     *
     * @param directory the embeddings directory
     * @param language the language code
     * @param shape {@code [layers, sentences, hidden]}
     * @param values row-major values
     * @param method how they were made, recorded in the file's metadata
     */
    public static void write(Path directory, String language, long[] shape, float[] values, EmbeddingMethod method) {
        new SafetensorsWriter().metadata(METHOD_KEY, method.id()).add(TENSOR, DType.F32, shape, values)
                .write(file(directory, language));
    }
}
