package dev.mexa.core.runtime;

import dev.mexa.core.embedding.EmbeddingMethod;
import java.nio.file.Path;

/**
 * How to run a model over a corpus to get sentence embeddings.
 *
 * @param model a HuggingFace-format checkpoint directory ({@code config.json}, safetensors, {@code tokenizer.json})
 * @param corpus a directory of line-aligned {@code <lang>.devtest|.dev|.txt} files, or {@code null} for the bundled
 *     FLORES-200 devtest ({@link dev.mexa.core.corpus.BundledCorpus})
 * @param sentences how many leading lines of each file to use (100 in the paper)
 * @param method how token states become a sentence embedding
 * @param device where the model runs
 * @param dtype what it computes in
 * @param batchSize how many sentences go through the model at once (results equal unbatched runs)
 * @param exportEmbeddings where to also write the embeddings in the import format, or {@code null}
 * @param cache whether embeddings may be cached between runs
 */
public record ModelSettings(
        Path model,
        Path corpus,
        int sentences,
        EmbeddingMethod method,
        ComputeDevice device,
        ComputeType dtype,
        int batchSize,
        Path exportEmbeddings,
        boolean cache) {

    /** Default number of sentences per language, as in the paper. */
    public static final int DEFAULT_SENTENCES = 100;
    /** Default batch size. */
    public static final int DEFAULT_BATCH_SIZE = 8;

    /**
     * @param model checkpoint directory
     * @param corpus corpus directory, or {@code null} for the bundled FLORES-200 devtest
     * @return settings with the defaults: 100 sentences, weighted average, auto device and dtype, batch 8, cache on
     */
    public static ModelSettings defaults(Path model, Path corpus) {
        return new ModelSettings(model, corpus, DEFAULT_SENTENCES, EmbeddingMethod.WEIGHTED_AVERAGE,
                ComputeDevice.AUTO, ComputeType.AUTO, DEFAULT_BATCH_SIZE, null, true);
    }
}
