package dev.mexa.core.score;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.mexa.core.MexaException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AlignmentScorerTest {

    private final AlignmentScorer scorer = new AlignmentScorer();
    private NDManager manager;

    @BeforeEach
    void open() {
        manager = NDManager.newBaseManager();
    }

    @AfterEach
    void close() {
        manager.close();
    }

    /** One layer of sentence vectors, as [1, n, hidden]. */
    private NDArray layer(double[][] rows) {
        int n = rows.length;
        int hidden = rows[0].length;
        double[] flat = new double[n * hidden];
        for (int i = 0; i < n; i++) {
            System.arraycopy(rows[i], 0, flat, i * hidden, hidden);
        }
        return manager.create(flat, new Shape(1, n, hidden));
    }

    @Test
    void countsSentencesWhoseDiagonalBeatsRowAndColumn() {
        // pivot: unit axes; hand-computed cosines C[i][j] = target_j[i] / |target_j|
        NDArray pivot = layer(new double[][] {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}});
        // target 0 = e0 -> C col 0 = (1, 0, 0): sentence 0 wins its row (1 > 0.6) and column.
        // target 1 = (0.8, 0.6, 0) -> col 1 = (0.8, 0.6, 0): row 1 is (0, 0.6, 0): 0.6 wins the row, but column 1
        //   holds 0.8 at row 0 > 0.6, so sentence 1 fails.
        // target 2 = (0, 0, 1) -> sentence 2 wins.
        NDArray target = layer(new double[][] {{1, 0, 0}, {0.8, 0.6, 0}, {0, 0, 1}});
        AlignmentCounts counts = scorer.score(pivot, target, "xxx_Latn");
        assertThat(counts.counts()).containsExactly(2);
        assertThat(counts.scores()).containsExactly(2.0 / 3);
    }

    @Test
    void rowRuleAloneIsNotEnough() {
        NDArray pivot = layer(new double[][] {{1, 0}, {0.6, 0.8}});
        // C = [[1, 0.8], [0.6, 0.96...]]: hand computation with target = pivot rows:
        // C[0][0]=1, C[0][1]=0.6, C[1][0]=0.6, C[1][1]=1 -> both count
        assertThat(scorer.score(pivot, layer(new double[][] {{1, 0}, {0.6, 0.8}}), "t").counts()).containsExactly(2);
        // target 1 rotated towards pivot 0: C[0][1] = 0.98 > C[1][1] = 0.8*0.8+0.6*0.6*... = computed below
        NDArray target = layer(new double[][] {{1, 0}, {0.98, 0.198997487421324}});
        // C[1][1] = 0.6*0.98 + 0.8*0.199 = 0.7472 < C[0][1] = 0.98: sentence 1 loses its column; sentence 0 has
        // C[0][0] = 1 > C[0][1] = 0.98 and C[1][0] = 0.6: counts.
        assertThat(scorer.score(pivot, target, "t").counts()).containsExactly(1);
    }

    @Test
    void exactTiesNeverCount() {
        NDArray pivot = layer(new double[][] {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}});
        // targets 1 and 2 identical: C[1][1] == C[1][2], C[2][1] == C[2][2] -> neither counts
        NDArray target = layer(new double[][] {{1, 0, 0}, {0, 1, 1}, {0, 1, 1}});
        assertThat(scorer.score(pivot, target, "t").counts()).containsExactly(1);
    }

    @Test
    void identicalTargetSentencesBothFailInManyDimensions() {
        java.util.Random random = new java.util.Random(7);
        double[][] pivotRows = new double[50][64];
        double[][] targetRows = new double[50][64];
        for (int i = 0; i < 50; i++) {
            for (int d = 0; d < 64; d++) {
                pivotRows[i][d] = random.nextGaussian();
                targetRows[i][d] = pivotRows[i][d] + 0.01 * random.nextGaussian();
            }
        }
        targetRows[31] = targetRows[17].clone();
        AlignmentCounts counts = scorer.score(layer(pivotRows), layer(targetRows), "t");
        assertThat(counts.counts()).containsExactly(48);
    }

    @Test
    void scoresAreScaleInvariant() {
        double[][] pivotRows = {{1, 2, 3}, {3, 1, 2}, {2, 3, 1}, {1, 1, 1.5}};
        double[][] targetRows = {{1.1, 2, 2.9}, {2, 2, 2}, {2, 3.2, 1}, {1, 1.2, 1.4}};
        int[] plain = scorer.score(layer(pivotRows), layer(targetRows), "t").counts();
        double[][] scaled = new double[4][];
        for (int i = 0; i < 4; i++) {
            final double factor = 0.001 * Math.pow(10, i * 2);
            scaled[i] = java.util.Arrays.stream(targetRows[i]).map(v -> v * factor).toArray();
        }
        assertThat(scorer.score(layer(pivotRows), layer(scaled), "t").counts()).containsExactly(plain);
    }

    @Test
    void singleSentenceAlwaysCounts() {
        assertThat(scorer.score(layer(new double[][] {{1, 0}}), layer(new double[][] {{-1, 0.1}}), "t").scores())
                .containsExactly(1.0);
    }

    @Test
    void scoresEveryLayerInOneCall() {
        // layer 0 aligned, layer 1 swapped: [2, 2, 2]
        NDArray pivot = manager.create(new double[] {1, 0, 0, 1, 1, 0, 0, 1}, new Shape(2, 2, 2));
        NDArray target = manager.create(new double[] {1, 0, 0, 1, 0, 1, 1, 0}, new Shape(2, 2, 2));
        assertThat(scorer.score(pivot, target, "t").scores()).containsExactly(1.0, 0.0);
    }

    @Test
    void acceptsFloat32Input() {
        NDArray pivot = manager.create(new float[] {1, 0, 0, 1}, new Shape(1, 2, 2));
        NDArray target = manager.create(new float[] {0.9f, 0.1f, 0.1f, 0.9f}, new Shape(1, 2, 2));
        assertThat(scorer.score(pivot, target, "t").scores()).containsExactly(1.0);
    }

    @Test
    void nanInInputIsAClearError() {
        NDArray pivot = layer(new double[][] {{1, 0}, {0, 1}});
        NDArray target = layer(new double[][] {{Double.NaN, 0}, {0, 1}});
        assertThatThrownBy(() -> scorer.score(pivot, target, "deu_Latn")).isInstanceOf(MexaException.class)
                .hasMessageContaining("deu_Latn").hasMessageContaining("NaN");
    }

    @Test
    void zeroVectorIsAClearError() {
        NDArray pivot = layer(new double[][] {{1, 0}, {0, 1}});
        NDArray target = layer(new double[][] {{0, 0}, {0, 1}});
        assertThatThrownBy(() -> scorer.score(pivot, target, "deu_Latn")).isInstanceOf(MexaException.class)
                .hasMessageContaining("deu_Latn").hasMessageContaining("all-zero");
    }

    @Test
    void mismatchedHiddenSizeIsAClearError() {
        NDArray pivot = manager.zeros(new Shape(2, 3, 4));
        NDArray target = manager.zeros(new Shape(2, 3, 5));
        assertThatThrownBy(() -> scorer.score(pivot, target, "deu_Latn")).isInstanceOf(MexaException.class)
                .hasMessageContaining("deu_Latn").hasMessageContaining("(2, 3, 5)");
    }

    @Test
    void matchesAPlainJavaReferenceOnRandomLayers() {
        java.util.Random random = new java.util.Random(11);
        int layers = 4;
        int n = 30;
        int hidden = 12;
        double[] pivot = new double[layers * n * hidden];
        double[] target = new double[pivot.length];
        for (int i = 0; i < pivot.length; i++) {
            pivot[i] = random.nextGaussian();
            target[i] = pivot[i] * (i % 3) * 0.3 + random.nextGaussian();
        }
        int[] counts = scorer.score(manager.create(pivot, new Shape(layers, n, hidden)),
                manager.create(target, new Shape(layers, n, hidden)), "t").counts();
        for (int layer = 0; layer < layers; layer++) {
            assertThat(counts[layer]).as("layer %d", layer).isEqualTo(referenceCount(pivot, target, layer, n, hidden));
        }
    }

    private static int referenceCount(double[] pivot, double[] target, int layer, int n, int hidden) {
        return ReferenceMexa.alignedCount(rows(pivot, layer, n, hidden), rows(target, layer, n, hidden));
    }

    private static double[][] rows(double[] flat, int layer, int n, int hidden) {
        double[][] rows = new double[n][];
        for (int i = 0; i < n; i++) {
            rows[i] = java.util.Arrays.copyOfRange(flat, (layer * n + i) * hidden, (layer * n + i + 1) * hidden);
        }
        return rows;
    }
}
