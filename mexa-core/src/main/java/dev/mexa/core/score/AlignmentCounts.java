package dev.mexa.core.score;

/**
 * Per-layer counts of aligned sentences for one language against the pivot.
 *
 * @param sentences n, the number of sentence pairs compared in every layer
 * @param counts for each hidden state, how many sentences met the alignment rule
 */
public record AlignmentCounts(int sentences, int[] counts) {

    /** @return the per-layer scores, count / n */
    public double[] scores() {
        double[] scores = new double[counts.length];
        for (int layer = 0; layer < counts.length; layer++) {
            scores[layer] = (double) counts[layer] / sentences;
        }
        return scores;
    }

    /** @return the counts, as a copy */
    @Override
    public int[] counts() {
        return counts.clone();
    }

    /** @return the number of layers */
    public int layers() {
        return counts.length;
    }
}
