package dev.mexa.core.evaluate;

import dev.mexa.core.MexaLog;
import dev.mexa.core.embedding.EmbeddingSource;
import dev.mexa.core.embedding.ImportedEmbeddings;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Sentence embeddings recorded earlier (by {@code exportEmbeddings} or another tool).
 *
 * <p>Holds a list of directories so that the exports of several shard jobs can later be merged into one source;
 * until that merge exists, {@link EvaluationRequest} accepts exactly one.
 *
 * @param directories the directories of {@code <lang>.safetensors} files, one for now
 */
public record EmbeddingsInput(List<Path> directories) implements EvaluationInput {

    /** Copies the list. */
    public EmbeddingsInput {
        directories = List.copyOf(directories);
    }

    @Override
    public String description() {
        return "embeddings " + String.join(", ", directories.stream().map(Path::toString).toList());
    }

    @Override
    public Map<String, Path> inputDirectories() {
        return Map.of("embeddings", directories.get(0));
    }

    @Override
    public EmbeddingSource open(MexaLog log) {
        // several directories: a merged source over one ImportedEmbeddings per directory goes here
        return new ImportedEmbeddings(directories.get(0));
    }
}
