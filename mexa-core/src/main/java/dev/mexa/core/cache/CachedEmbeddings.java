package dev.mexa.core.cache;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.mexa.core.MexaException;
import dev.mexa.core.MexaLog;
import dev.mexa.core.embedding.EmbeddingSource;
import dev.mexa.core.embedding.ForwardingEmbeddingSource;
import java.util.function.Function;

/**
 * An {@link EmbeddingSource} served from an {@link EmbeddingCache} where it can be: a language whose entry exists is
 * loaded from it, any other is embedded by the wrapped source and stored. The wrapped source loads its model on its
 * first {@link #embed}, so a run whose languages are all cached never loads the model. Closing logs the hits and
 * misses and deletes the cache's long-unused entries ({@link EmbeddingCache#deleteUnused}).
 */
public final class CachedEmbeddings extends ForwardingEmbeddingSource {

    private final Function<String, CacheKey> keys;
    private final EmbeddingCache cache;
    private final MexaLog log;
    private int hits;
    private int misses;

    /**
     * @param source computes embeddings on a miss
     * @param keys the cache key of each language of {@code source}
     * @param cache where entries live
     * @param log receives the hit and miss summary and corrupt-entry warnings
     */
    public CachedEmbeddings(EmbeddingSource source, Function<String, CacheKey> keys, EmbeddingCache cache,
            MexaLog log) {
        super(source);
        this.keys = keys;
        this.cache = cache;
        this.log = log;
    }

    @Override
    public NDArray embed(String language, NDManager manager) {
        CacheKey key = keys.apply(language);
        NDArray cached = cache.load(key, manager, log);
        if (cached != null) {
            hits++;
            return cached.toDevice(device(), false);
        }
        misses++;
        NDArray embeddings = super.embed(language, manager);
        try {
            cache.store(key, embeddings);
        } catch (MexaException e) {
            log.warn(e.getMessage() + " The embeddings of " + language + " are used without being cached.");
        }
        return embeddings;
    }

    @Override
    public void close() {
        if (hits + misses > 0) {
            log.info("Embeddings cache " + cache.directory() + ": " + hits + " language" + (hits == 1 ? "" : "s")
                    + " loaded, " + misses + " computed and stored.");
            cache.deleteUnused(log);
        }
        super.close();
    }
}
