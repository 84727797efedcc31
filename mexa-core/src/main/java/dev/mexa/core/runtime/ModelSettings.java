package dev.mexa.core.runtime;

import dev.mexa.core.MexaException;
import dev.mexa.core.corpus.Shard;
import dev.mexa.core.embedding.EmbeddingMethod;
import java.nio.file.Path;
import java.util.Objects;

/**
 * How to run a model over a corpus to get sentence embeddings. Built by name ({@link #builder()}); the options are
 * checked when the settings are made, before any file is read, with the setting named as the plugin and the
 * extension spell it.
 *
 * @param model a HuggingFace-format checkpoint directory ({@code config.json}, safetensors, {@code tokenizer.json})
 * @param corpus a directory of line-aligned {@code <lang>.devtest|.dev|.txt} files, or {@code null} for the bundled
 *     FLORES-200 devtest ({@link dev.mexa.core.corpus.BundledCorpus})
 * @param sentences how many leading lines of each file to use (100 in the paper), at least 1
 * @param method how token states become a sentence embedding: weighted-average or last-token
 * @param device where the model runs
 * @param dtype what it computes in
 * @param batchSize the most sentences that go through the model at once (results equal unbatched runs up to float
 *     rounding), at least 1
 * @param batchTokens the most padded tokens per forward pass (length-sorted sentences fill a batch up to it), or 0
 *     for a budget that follows the model's size (on a GPU, its free memory)
 * @param threads PyTorch's intra-op CPU threads, or 0 for automatic ({@link CpuThreads})
 * @param halfWeights whether an F16 or BF16 checkpoint's matrices stay in half precision on the CPU, widened to
 *     float32 as each layer runs (about half the memory, the same results)
 * @param cacheDirectory where per-language embeddings are cached between runs, or {@code null} for no cache
 * @param exportEmbeddings where to also write the embeddings in the import format, or {@code null}
 * @param shard the slice of the requested languages this run embeds, recorded in an export so that merging the
 *     exports of a sharded run can tell when a shard is missing; {@link Shard#WHOLE} for all of them
 */
public record ModelSettings(
        Path model,
        Path corpus,
        int sentences,
        EmbeddingMethod method,
        ComputeDevice device,
        ComputeType dtype,
        int batchSize,
        int batchTokens,
        int threads,
        boolean halfWeights,
        Path cacheDirectory,
        Path exportEmbeddings,
        Shard shard) {

    /** Default number of sentences per language, as in the paper. */
    public static final int DEFAULT_SENTENCES = 100;
    /** Default batch size. */
    public static final int DEFAULT_BATCH_SIZE = 64;

    /**
     * Checks the options.
     *
     * @throws MexaException naming the setting when a count is below 1 or the method cannot be computed from a model
     */
    public ModelSettings {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(dtype, "dtype");
        Objects.requireNonNull(shard, "shard");
        requirePositive(sentences, "sentences (mexa.sentences)");
        requirePositive(batchSize, "batchSize (mexa.batchSize)");
        if (threads < 0) {
            throw new MexaException("Invalid threads (mexa.threads) " + threads + ": it must be 0 (automatic) or a"
                    + " positive number of threads.");
        }
        if (batchTokens < 0) {
            throw new MexaException("Invalid batchTokens (mexa.batchTokens) " + batchTokens + ": it must be 0 (a"
                    + " budget that follows the model's size) or a positive number of tokens.");
        }
        if (method == EmbeddingMethod.IMPORTED) {
            throw new MexaException("embedding (mexa.embedding) " + method.id() + " cannot be computed from a model:"
                    + " use weighted-average or last-token.");
        }
    }

    /**
     * @param model checkpoint directory
     * @param corpus corpus directory, or {@code null} for the bundled FLORES-200 devtest
     * @return settings with the defaults: 100 sentences, weighted average, auto device and dtype, at most 64
     *     sentences per batch, automatic token budget, automatic threads, float32 weights, no cache
     */
    public static ModelSettings defaults(Path model, Path corpus) {
        return builder().model(model).corpus(corpus).build();
    }

    /** @return a builder holding the defaults, without model or corpus */
    public static Builder builder() {
        return new Builder();
    }

    private static void requirePositive(int value, String setting) {
        if (value < 1) {
            throw new MexaException("Invalid " + setting + " " + value + ": it must be at least 1.");
        }
    }

    /** Sets the settings by name, starting from the defaults. */
    public static final class Builder {

        private Path model;
        private Path corpus;
        private int sentences = DEFAULT_SENTENCES;
        private EmbeddingMethod method = EmbeddingMethod.WEIGHTED_AVERAGE;
        private ComputeDevice device = ComputeDevice.AUTO;
        private ComputeType dtype = ComputeType.AUTO;
        private int batchSize = DEFAULT_BATCH_SIZE;
        private int batchTokens;
        private int threads;
        private boolean halfWeights;
        private Path cacheDirectory;
        private Path exportEmbeddings;
        private Shard shard = Shard.WHOLE;

        private Builder() {
        }

        /** @param value checkpoint directory @return this builder */
        public Builder model(Path value) {
            this.model = value;
            return this;
        }

        /** @param value corpus directory, or null for the bundled FLORES-200 devtest @return this builder */
        public Builder corpus(Path value) {
            this.corpus = value;
            return this;
        }

        /** @param value sentences per language @return this builder */
        public Builder sentences(int value) {
            this.sentences = value;
            return this;
        }

        /** @param value the embedding method @return this builder */
        public Builder method(EmbeddingMethod value) {
            this.method = value;
            return this;
        }

        /** @param value the device @return this builder */
        public Builder device(ComputeDevice value) {
            this.device = value;
            return this;
        }

        /** @param value the dtype @return this builder */
        public Builder dtype(ComputeType value) {
            this.dtype = value;
            return this;
        }

        /** @param value sentences per batch @return this builder */
        public Builder batchSize(int value) {
            this.batchSize = value;
            return this;
        }

        /** @param value the most padded tokens per batch, 0 for automatic @return this builder */
        public Builder batchTokens(int value) {
            this.batchTokens = value;
            return this;
        }

        /** @param value PyTorch intra-op CPU threads, 0 for automatic @return this builder */
        public Builder threads(int value) {
            this.threads = value;
            return this;
        }

        /** @param value whether half-precision weights stay half precision @return this builder */
        public Builder halfWeights(boolean value) {
            this.halfWeights = value;
            return this;
        }

        /** @param value the embeddings cache directory, or null for none @return this builder */
        public Builder cacheDirectory(Path value) {
            this.cacheDirectory = value;
            return this;
        }

        /** @param value where to export embeddings, or null @return this builder */
        public Builder exportEmbeddings(Path value) {
            this.exportEmbeddings = value;
            return this;
        }

        /** @param value the slice of the requested languages this run embeds @return this builder */
        public Builder shard(Shard value) {
            this.shard = value;
            return this;
        }

        /**
         * @return the settings
         * @throws MexaException naming the setting when an option is invalid
         */
        public ModelSettings build() {
            return new ModelSettings(model, corpus, sentences, method, device, dtype, batchSize, batchTokens,
                    threads, halfWeights, cacheDirectory, exportEmbeddings, shard);
        }
    }
}
