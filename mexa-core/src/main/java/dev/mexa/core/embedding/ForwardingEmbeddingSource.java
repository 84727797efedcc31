package dev.mexa.core.embedding;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.List;
import java.util.OptionalInt;
import java.util.SortedSet;

/** An {@link EmbeddingSource} that hands every call to another; subclasses change the calls they care about. */
public abstract class ForwardingEmbeddingSource implements EmbeddingSource {

    private final EmbeddingSource source;

    /** @param source the source calls go to; closed with this one */
    protected ForwardingEmbeddingSource(EmbeddingSource source) {
        this.source = source;
    }

    /** @return the source calls go to */
    protected final EmbeddingSource source() {
        return source;
    }

    @Override
    public NDArray embed(String language, NDManager manager) {
        return source.embed(language, manager);
    }

    @Override
    public String description() {
        return source.description();
    }

    @Override
    public String corpusDescription() {
        return source.corpusDescription();
    }

    @Override
    public EmbeddingMethod method() {
        return source.method();
    }

    @Override
    public SortedSet<String> languages() {
        return source.languages();
    }

    @Override
    public int sentences(String language) {
        return source.sentences(language);
    }

    @Override
    public OptionalInt hiddenStates(String language) {
        return source.hiddenStates(language);
    }

    @Override
    public Device device() {
        return source.device();
    }

    @Override
    public List<String> inputWarnings(String language, boolean pivot) {
        return source.inputWarnings(language, pivot);
    }

    @Override
    public void allEmbedded() {
        source.allEmbedded();
    }

    @Override
    public void close() {
        source.close();
    }
}
