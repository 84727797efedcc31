package dev.mexa.core.evaluate;

import dev.mexa.core.MexaLog;
import dev.mexa.core.embedding.EmbeddingSource;
import dev.mexa.core.embedding.MergedEmbeddings;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Sentence embeddings recorded earlier (by {@code exportEmbeddings} or another tool), in one directory or in several
 * scored as one ({@link MergedEmbeddings}), such as the exports of a sharded run's jobs.
 *
 * @param directories the directories of {@code <lang>.safetensors} files, at least one
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
    public List<Map.Entry<String, Path>> inputDirectories() {
        return directories.stream().map(directory -> Map.entry("embeddings", directory)).toList();
    }

    @Override
    public EmbeddingSource open(MexaLog log) {
        return MergedEmbeddings.open(directories);
    }
}
