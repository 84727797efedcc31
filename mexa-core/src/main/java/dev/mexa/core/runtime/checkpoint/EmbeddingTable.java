package dev.mexa.core.runtime.checkpoint;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

/**
 * A token embedding table {@code [vocab, hidden]}, of which a forward pass needs only the rows of its batch's tokens:
 * either a {@link ResidentWeight}, or, with half-precision residency, the table as it lies in the checkpoint file
 * ({@link StoredEmbeddingRows}).
 */
public interface EmbeddingTable {

    /**
     * Looks up rows.
     *
     * @param ids int64 row indices {@code [B, T]}, each within the vocabulary
     * @param manager where the result lives
     * @return the rows in the compute type {@code [B, T, hidden]}
     */
    NDArray rows(NDArray ids, NDManager manager);
}
