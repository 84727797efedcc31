package dev.mexa.core.score;

/**
 * The MEXA rule written out with plain loops over doubles, deliberately simple, as an independent reference for
 * {@link AlignmentScorer}: sentence i counts when cos(pivot_i, target_i) beats every other entry of row i and of
 * column i of the cosine matrix.
 */
public final class ReferenceMexa {

    private ReferenceMexa() {
    }

    /**
     * @param pivot one layer's pivot sentence vectors, {@code [n][hidden]}
     * @param target the same layer's target sentence vectors, {@code [n][hidden]}
     * @return how many sentences meet the rule
     */
    public static int alignedCount(double[][] pivot, double[][] target) {
        int n = pivot.length;
        double[][] cosine = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                cosine[i][j] = cosine(pivot[i], target[j]);
            }
        }
        int count = 0;
        for (int i = 0; i < n; i++) {
            boolean wins = true;
            for (int k = 0; k < n; k++) {
                if (k != i && (cosine[i][k] >= cosine[i][i] || cosine[k][i] >= cosine[i][i])) {
                    wins = false;
                }
            }
            count += wins ? 1 : 0;
        }
        return count;
    }

    private static double cosine(double[] a, double[] b) {
        double dot = 0;
        double normA = 0;
        double normB = 0;
        for (int d = 0; d < a.length; d++) {
            dot += a[d] * b[d];
            normA += a[d] * a[d];
            normB += b[d] * b[d];
        }
        return dot / Math.sqrt(normA * normB);
    }
}
