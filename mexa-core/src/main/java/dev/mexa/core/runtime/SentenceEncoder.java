package dev.mexa.core.runtime;

import ai.djl.engine.EngineException;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import dev.mexa.core.DjlEngine;
import dev.mexa.core.MexaException;
import dev.mexa.core.embedding.EmbeddingMethod;
import dev.mexa.core.runtime.checkpoint.ModelConfig;
import dev.mexa.core.runtime.model.DecoderModel;
import java.util.ArrayList;
import java.util.List;

/**
 * Per-layer sentence embeddings of a list of sentences: tokenizes them, runs the decoder over length-sorted,
 * right-padded batches (as many sentences as fit the token budget) and pools every hidden state on the device. Batching
 * does not change the result beyond float rounding: padding is masked out of attention and weighs 0 in pooling.
 */
public final class SentenceEncoder {

    private final DecoderModel model;
    private final SentenceTokenizer tokenizer;
    private final EmbeddingMethod method;
    private final int batchSize;
    private final int batchTokens;

    /**
     * @param model the decoder
     * @param tokenizer its tokenizer; may be {@code null} when only {@link #encodeTokens} is called
     * @param method weighted-average or last-token
     * @param batchSize the most sentences per forward pass, at least 1 (see {@link ModelSettings})
     */
    public SentenceEncoder(DecoderModel model, SentenceTokenizer tokenizer, EmbeddingMethod method, int batchSize) {
        this(model, tokenizer, method, batchSize, Integer.MAX_VALUE);
    }

    /**
     * @param model the decoder
     * @param tokenizer its tokenizer; may be {@code null} when only {@link #encodeTokens} is called
     * @param method weighted-average or last-token
     * @param batchSize the most sentences per forward pass, at least 1
     * @param batchTokens the most padded tokens per forward pass, at least 1 (a longer sentence runs alone)
     */
    public SentenceEncoder(DecoderModel model, SentenceTokenizer tokenizer, EmbeddingMethod method, int batchSize,
            int batchTokens) {
        this.model = model;
        this.tokenizer = tokenizer;
        this.method = method;
        this.batchSize = batchSize;
        this.batchTokens = batchTokens;
    }

    /**
     * @param sentences the sentences, in order
     * @param source what they come from (a file), for error messages
     * @param manager where the result lives (copied there when it is on another device than the model)
     * @return float32 {@code [layers + 1, sentences, hidden]}
     */
    public NDArray encode(List<String> sentences, String source, NDManager manager) {
        List<long[]> tokenized = new ArrayList<>(sentences.size());
        for (int i = 0; i < sentences.size(); i++) {
            tokenized.add(checked(tokenizer.encode(sentences.get(i)), source, i + 1));
        }
        return encodeTokens(tokenized, source, manager);
    }

    /**
     * @param tokenized each sentence's token ids (special tokens included), in order
     * @param manager where the result lives (copied there when it is on another device than the model)
     * @return float32 {@code [layers + 1, sentences, hidden]}
     */
    public NDArray encodeTokens(List<long[]> tokenized, NDManager manager) {
        return encodeTokens(tokenized, "the given sentences", manager);
    }

    private NDArray encodeTokens(List<long[]> tokenized, String source, NDManager manager) {
        List<TokenBatch> batches = TokenBatch.plan(tokenized, batchSize, batchTokens);
        long[] corpusOrder = new long[tokenized.size()];
        try (NDManager work = NDManager.newBaseManager(model.device(), DjlEngine.NAME)) {
            NDList parts = new NDList();
            int done = 0;
            for (TokenBatch batch : batches) {
                for (int sentence : batch.sentences()) {
                    corpusOrder[sentence] = done++;
                }
                parts.add(runBatchOrHalves(batch, source, work));
            }
            NDArray sorted = NDArrays.concat(parts, 1);
            NDArray result = sorted.get(new NDIndex(":, {}", work.create(corpusOrder)));
            NDArray placed = result.getDevice().equals(manager.getDevice()) ? result
                    : result.toDevice(manager.getDevice(), true);
            placed.attach(manager);
            return placed;
        }
    }

    /**
     * Runs a batch; when memory runs out (the JVM's heap or the engine's allocator), runs it once more as two halves,
     * so that an occasional long batch does not fail a whole run, then gives up naming the input and the settings.
     */
    private NDArray runBatchOrHalves(TokenBatch batch, String source, NDManager work) {
        try {
            return runBatch(batch, work);
        } catch (OutOfMemoryError | EngineException e) {
            if (e instanceof EngineException && !OutOfMemory.isOutOfMemory(e)) {
                throw e;
            }
            if (batch.sentences().length > 1) {
                try {
                    NDList halves = new NDList();
                    for (TokenBatch half : batch.halves()) {
                        halves.add(runBatch(half, work));
                    }
                    NDArray joined = NDArrays.concat(halves, 1);
                    joined.attach(work);
                    return joined;
                } catch (OutOfMemoryError | EngineException again) {
                    if (again instanceof EngineException && !OutOfMemory.isOutOfMemory(again)) {
                        throw again;
                    }
                }
            }
            throw new MexaException(OutOfMemory.message(batch.sentences().length, batch.length(), source), e);
        }
    }

    private NDArray runBatch(TokenBatch batch, NDManager work) {
        try (NDManager scope = work.newSubManager()) {
            NDArray weights = SentencePooling.weights(method, batch, scope);
            NDList pooled = new NDList();
            model.forward(batch.ids(scope), batch.mask(scope),
                    (state, layer) -> pooled.add(SentencePooling.pool(state, weights)));
            NDArray stacked = NDArrays.stack(pooled, 0);
            stacked.attach(work);
            return stacked;
        }
    }

    private long[] checked(long[] ids, String source, int line) {
        ModelConfig config = model.config();
        if (ids.length == 0) {
            throw new MexaException("Sentence at line " + line + " of " + source + " gives no token: give it some"
                    + " text the tokenizer " + tokenizer.file() + " recognises.");
        }
        for (long id : ids) {
            if (id < 0 || id >= config.vocabSize()) {
                throw new MexaException("Tokenizer " + tokenizer.file() + " gives id " + id + " for line " + line
                        + " of " + source + ", outside the model's vocabulary of " + config.vocabSize()
                        + " (config.json vocab_size): the tokenizer does not belong to this model.");
            }
        }
        if (ids.length > config.tokenLimit()) {
            throw new MexaException("Line " + line + " of " + source + " has " + ids.length + " tokens, more than the"
                    + " " + config.tokenLimit() + " positions of " + config.file() + ": shorten the sentence.");
        }
        return ids;
    }
}
