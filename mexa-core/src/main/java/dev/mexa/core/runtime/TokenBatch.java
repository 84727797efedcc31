package dev.mexa.core.runtime;

import ai.djl.ndarray.NDArray;
import dev.mexa.core.MexaException;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Sentences of similar token length run together: their ids right-padded to the longest, with the mask telling
 * real tokens from padding.
 *
 * @param sentences the positions of these sentences in the language's sentence list
 * @param tokens their token ids
 */
record TokenBatch(int[] sentences, List<long[]> tokens) {

    /**
     * Sorts sentences by token length and cuts them into batches, so that little padding is computed: each batch takes
     * the next sentences in length order while its padded size (sentences times the longest length) stays within
     * {@code tokenBudget} and it has at most {@code maxSentences}. A sentence longer than the budget runs alone.
     *
     * @param tokenized every sentence's token ids, in corpus order
     * @param maxSentences the most sentences per batch
     * @param tokenBudget the most padded tokens per batch
     * @return the batches, shortest sentences first
     */
    static List<TokenBatch> plan(List<long[]> tokenized, int maxSentences, int tokenBudget) {
        int[] order = IntStream.range(0, tokenized.size()).boxed()
                .sorted(Comparator.comparingInt(i -> tokenized.get(i).length)).mapToInt(Integer::intValue).toArray();
        List<TokenBatch> batches = new ArrayList<>();
        int from = 0;
        while (from < order.length) {
            int to = from + 1;
            // sorted by length, so the sentence added last is the longest of the batch
            while (to < order.length && to - from < maxSentences
                    && (long) (to - from + 1) * tokenized.get(order[to]).length <= tokenBudget) {
                to++;
            }
            int[] members = Arrays.copyOfRange(order, from, to);
            batches.add(new TokenBatch(members, IntStream.of(members).mapToObj(tokenized::get).toList()));
            from = to;
        }
        return batches;
    }

    /** @return this batch cut in two, for a retry with half the memory; needs two sentences or more */
    List<TokenBatch> halves() {
        int middle = sentences.length / 2;
        return List.of(new TokenBatch(Arrays.copyOfRange(sentences, 0, middle), tokens.subList(0, middle)),
                new TokenBatch(Arrays.copyOfRange(sentences, middle, sentences.length),
                        tokens.subList(middle, tokens.size())));
    }

    /** @return the longest sentence's token count, the padded length */
    int length() {
        return tokens.stream().mapToInt(ids -> ids.length).max().orElse(0);
    }

    /**
     * @param manager where the arrays live
     * @return int64 ids {@code [B, T]}, padded with id 0 (never attended to)
     */
    NDArray ids(NDManager manager) {
        int length = length();
        long[] ids = new long[cells(length)];
        for (int row = 0; row < tokens.size(); row++) {
            System.arraycopy(tokens.get(row), 0, ids, row * length, tokens.get(row).length);
        }
        return manager.create(ids, new Shape(tokens.size(), length));
    }

    /**
     * @param manager where the array lives
     * @return float32 {@code [B, T]}: 1 for real tokens, 0 for padding
     */
    NDArray mask(NDManager manager) {
        int length = length();
        float[] mask = new float[cells(length)];
        for (int row = 0; row < tokens.size(); row++) {
            Arrays.fill(mask, row * length, row * length + tokens.get(row).length, 1f);
        }
        return manager.create(mask, new Shape(tokens.size(), length));
    }

    /** Sentences times padded length, in long arithmetic: more than an array can hold is an error, not an overflow. */
    private int cells(int length) {
        long cells = (long) tokens.size() * length;
        if (cells > Integer.MAX_VALUE - 8) {
            throw new MexaException("A batch of " + tokens.size() + " sentences padded to " + length + " tokens has "
                    + cells + " token positions, more than one array holds: lower batchSize (mexa.batchSize).");
        }
        return (int) cells;
    }
}
