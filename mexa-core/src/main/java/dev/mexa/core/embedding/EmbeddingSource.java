package dev.mexa.core.embedding;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.List;
import java.util.OptionalInt;
import java.util.SortedSet;

/**
 * Where per-language sentence embeddings come from: a model run over a corpus, or files made elsewhere. The
 * evaluator asks for one language at a time, so a source never needs to hold more than one language.
 */
public interface EmbeddingSource extends AutoCloseable {

    /** @return what the embeddings come from, for reports (a model directory, an embeddings directory) */
    String description();

    /** @return the corpus the sentences come from, or {@code null} when unknown (imported embeddings) */
    String corpusDescription();

    /** @return the method that turns token states into sentence embeddings */
    EmbeddingMethod method();

    /** @return the language codes this source can embed */
    SortedSet<String> languages();

    /**
     * @param language a code from {@link #languages()}
     * @return how many sentences {@link #embed} returns for it, known without embedding anything (read from the
     *     corpus or the file's header), so that the gate's {@code minSentences} is checked before a model loads
     */
    int sentences(String language);

    /**
     * @param language a code from {@link #languages()}
     * @return how many hidden states (layers + 1, the embedding output first) {@link #embed} returns for it, known
     *     without embedding anything (from {@code config.json} or the file's header), so that the layer range is
     *     checked before a model loads; empty when only running the model tells (a TorchScript export)
     */
    OptionalInt hiddenStates(String language);

    /**
     * Computes or loads one language's sentence embeddings.
     *
     * @param language a code from {@link #languages()}
     * @param manager where the returned array lives; the caller closes it
     * @return {@code [layers, sentences, hidden]}
     */
    NDArray embed(String language, NDManager manager);

    /**
     * @return the device the embeddings live on, where the evaluator scores them; the CPU unless a model runs
     *     elsewhere
     */
    default Device device() {
        return Device.cpu();
    }

    /**
     * Problems with one language's input that do not stop the evaluation but limit its score, such as repeated
     * sentences in a corpus file. Sources without such knowledge (imported embeddings) have none.
     *
     * @param language a code from {@link #languages()}
     * @param pivot whether the language is the pivot, whose problems affect every language
     * @return warning lines naming the input at fault, empty when there are none
     */
    default List<String> inputWarnings(String language, boolean pivot) {
        return List.of();
    }

    /**
     * Called once after every requested language has been embedded, so that a source writing an export of its
     * embeddings can mark it complete. Sources without an export do nothing.
     */
    default void allEmbedded() {
    }

    /** Releases the model or files held by this source. */
    @Override
    void close();
}
