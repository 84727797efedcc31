package dev.mexa.core.score;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import dev.mexa.core.MexaException;

/**
 * The MEXA alignment rule on sentence embeddings. For each layer, C[i][j] is the cosine similarity (float64) of
 * pivot sentence i and target sentence j; sentence i counts when C[i][i] is strictly greater than every other
 * entry of row i and of column i, so exact ties never count. All layers are scored in one batched matrix
 * product on the arrays' device.
 */
public final class AlignmentScorer {

    private static final double DIAGONAL_DROP = 4.0;

    /**
     * Scores one language against the pivot.
     *
     * @param pivot pivot embeddings {@code [layers, n, hidden]}, any floating point type
     * @param target target embeddings {@code [layers, n, hidden]} for the same n sentences, in the same order
     * @param targetName the target's name, for error messages
     * @return the per-layer counts
     * @throws MexaException when the shapes disagree, an embedding holds NaN or infinity, or has zero norm
     */
    public AlignmentCounts score(NDArray pivot, NDArray target, String targetName) {
        Shape pivotShape = pivot.getShape();
        Shape targetShape = target.getShape();
        if (pivotShape.dimension() != 3 || targetShape.dimension() != 3) {
            throw new MexaException("Embeddings of " + targetName + " and the pivot must both be [layers, sentences,"
                    + " hidden], got " + targetShape + " and " + pivotShape + ".");
        }
        if (pivotShape.get(0) != targetShape.get(0) || pivotShape.get(2) != targetShape.get(2)) {
            throw new MexaException("Embeddings of " + targetName + " have shape " + targetShape
                    + " but the pivot's have " + pivotShape + ": layers and hidden size must match (were they made"
                    + " by the same model?).");
        }
        if (pivotShape.get(1) != targetShape.get(1) || pivotShape.get(1) == 0) {
            throw new IllegalArgumentException("sentence counts must be equal and positive; trim before scoring");
        }
        int sentences = (int) pivotShape.get(1);
        try (NDManager scope = pivot.getManager().newSubManager()) {
            NDArray unitPivot = unitRows(pivot, scope, "the pivot");
            NDArray unitTarget = unitRows(target, scope, targetName);
            NDArray cosines = unitPivot.matMul(unitTarget.transpose(0, 2, 1));
            NDArray identity = scope.eye(sentences).toType(DataType.FLOAT64, false);
            NDArray diagonal = cosines.mul(identity).sum(new int[] {2});
            // cosines lie in [-1, 1]: lowering the diagonal by 4 puts it below every other entry, and leaves the
            // other entries exactly as they are, so row and column maxima are the off-diagonal maxima
            NDArray offDiagonal = cosines.sub(identity.mul(DIAGONAL_DROP));
            NDArray beatsRow = diagonal.gt(offDiagonal.max(new int[] {2}));
            NDArray beatsColumn = diagonal.gt(offDiagonal.max(new int[] {1}));
            long[] counts = beatsRow.logicalAnd(beatsColumn).toType(DataType.INT64, false)
                    .sum(new int[] {1}).toLongArray();
            int[] perLayer = new int[counts.length];
            for (int layer = 0; layer < counts.length; layer++) {
                perLayer[layer] = (int) counts[layer];
            }
            return new AlignmentCounts(sentences, perLayer);
        }
    }

    private static NDArray unitRows(NDArray embeddings, NDManager scope, String name) {
        NDArray wide = embeddings.toType(DataType.FLOAT64, true);
        wide.attach(scope);
        if (wide.isNaN().any().getBoolean() || wide.isInfinite().any().getBoolean()) {
            throw new MexaException("Embeddings of " + name + " contain NaN or infinite values: the model"
                    + " overflowed (try dtype float32) or the imported file is corrupt.");
        }
        NDArray norms = wide.norm(new int[] {2}, true);
        if (norms.eq(0).any().getBoolean()) {
            throw new MexaException("Embeddings of " + name + " contain an all-zero sentence vector, whose cosine"
                    + " similarity is undefined: check the imported file or the model.");
        }
        return wide.div(norms);
    }
}
