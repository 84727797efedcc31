package dev.mexa.core.runtime;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.mexa.core.MexaLog;
import dev.mexa.core.embedding.EmbeddingMethod;
import dev.mexa.core.embedding.EmbeddingSource;
import java.util.SortedSet;

/**
 * Sentence embeddings computed by running a HuggingFace-format decoder checkpoint over a parallel corpus on DJL's
 * PyTorch engine.
 */
public final class ModelEmbeddings implements EmbeddingSource {

    private final ModelSettings settings;

    /**
     * Loads the checkpoint and reads the corpus.
     *
     * @param settings model, corpus and runtime options
     * @param log progress lines (one per language, with sentences/s and an ETA)
     */
    public ModelEmbeddings(ModelSettings settings, MexaLog log) {
        this.settings = settings;
        throw new UnsupportedOperationException("model runtime not implemented yet");
    }

    @Override
    public String description() {
        return settings.model().toString();
    }

    @Override
    public String corpusDescription() {
        return settings.corpus().toString();
    }

    @Override
    public EmbeddingMethod method() {
        return settings.method();
    }

    @Override
    public SortedSet<String> languages() {
        throw new UnsupportedOperationException("model runtime not implemented yet");
    }

    @Override
    public NDArray embed(String language, NDManager manager) {
        throw new UnsupportedOperationException("model runtime not implemented yet");
    }

    @Override
    public void close() {
    }
}
