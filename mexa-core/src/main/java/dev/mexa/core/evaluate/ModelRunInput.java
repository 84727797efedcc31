package dev.mexa.core.evaluate;

import dev.mexa.core.MexaLog;
import dev.mexa.core.cache.CachedEmbeddings;
import dev.mexa.core.cache.EmbeddingCache;
import dev.mexa.core.embedding.EmbeddingSource;
import dev.mexa.core.runtime.ModelEmbeddings;
import dev.mexa.core.runtime.ModelSettings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A model run over a corpus.
 *
 * @param settings the model and corpus directories (no corpus: the bundled FLORES-200 devtest) and the runtime
 *     options, already checked
 */
public record ModelRunInput(ModelSettings settings) implements EvaluationInput {

    @Override
    public String description() {
        return "model " + settings.model() + " over corpus "
                + (settings.corpus() == null ? "bundled FLORES-200 devtest" : settings.corpus());
    }

    @Override
    public List<Map.Entry<String, Path>> inputDirectories() {
        List<Map.Entry<String, Path>> directories = new ArrayList<>();
        directories.add(Map.entry("model", settings.model()));
        if (settings.corpus() != null) {
            directories.add(Map.entry("corpus", settings.corpus()));
        }
        return directories;
    }

    /**
     * Opens the model's embeddings, served from the embeddings cache when {@link ModelSettings#cacheDirectory()} is
     * set (and no export is asked for, which needs every language computed).
     */
    @Override
    public EmbeddingSource open(MexaLog log) {
        ModelEmbeddings embeddings = new ModelEmbeddings(settings, log);
        if (settings.cacheDirectory() == null) {
            return embeddings;
        }
        if (settings.exportEmbeddings() != null) {
            log.info("Embeddings cache not used: exportEmbeddings (mexa.exportEmbeddings) computes every language.");
            return embeddings;
        }
        return new CachedEmbeddings(embeddings, embeddings::cacheKey, new EmbeddingCache(settings.cacheDirectory()),
                log);
    }
}
