package dev.mexa.junit;

import dev.mexa.core.MexaLog;
import dev.mexa.core.embedding.EmbeddingSource;
import dev.mexa.core.embedding.ImportedEmbeddings;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Precomputed embeddings.
 *
 * @param directory the absolute, normalized directory of {@code <lang>.safetensors} files
 */
record ImportedInput(Path directory) implements EmbeddingInput {

    @Override
    public String description() {
        return "embeddings " + directory;
    }

    @Override
    public Optional<String> missing() {
        return EmbeddingInput.absent(directory, "embeddings");
    }

    @Override
    public EmbeddingSource open(MexaLog log) {
        return new ImportedEmbeddings(directory);
    }
}
