package dev.mexa.core.runtime.checkpoint;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import dev.mexa.core.MexaException;
import dev.mexa.core.io.ReusedDirectBuffer;
import dev.mexa.core.safetensors.DType;
import dev.mexa.core.safetensors.SafetensorsFile;
import dev.mexa.core.safetensors.TensorInfo;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.Function;

/**
 * An F16 or BF16 token embedding table left in its safetensors file: each lookup reads just the distinct rows of the
 * batch with ordinary file reads (the operating system's page cache keeps them, outside this process) and widens
 * them exactly as a resident half-precision weight is widened. A large vocabulary's table is a sizeable part of a
 * model (Llama 3's 128,256 rows of 4,096 values are 1 GB in BF16, Gemma 2's 256,000 of 3,584 are 1.8 GB), and a batch
 * uses a few hundred rows of it. The file is reopened for each lookup and its entry for the table checked against
 * the one loaded, so a checkpoint replaced during a run is an error, not other weights.
 */
final class StoredEmbeddingRows implements EmbeddingTable {

    private final Path file;
    private final TensorInfo info;
    private final NDArray bfloat16Table;
    private final long rowBytes;
    private final ReusedDirectBuffer buffer = new ReusedDirectBuffer(ByteOrder.nativeOrder());

    /**
     * @param file the safetensors file holding the table
     * @param info the table's entry in that file, F16 or BF16 {@code [vocab, hidden]}
     * @param bfloat16Table the float32 value of every BF16 bit pattern, for a BF16 table; else {@code null}
     */
    StoredEmbeddingRows(Path file, TensorInfo info, NDArray bfloat16Table) {
        this.file = file;
        this.info = info;
        this.bfloat16Table = bfloat16Table;
        this.rowBytes = info.byteLength() / info.shape()[0];
    }

    /**
     * Reads the distinct rows in file order into one buffer reused from batch to batch, then gathers them into place;
     * synchronized because the buffer is shared.
     */
    @Override
    public synchronized NDArray rows(NDArray ids, NDManager manager) {
        long[] wanted = ids.toLongArray();
        long[] distinct = Arrays.stream(wanted).distinct().sorted().toArray();
        long[] slots = new long[wanted.length];
        for (int i = 0; i < wanted.length; i++) {
            slots[i] = Arrays.binarySearch(distinct, wanted[i]);
        }
        ByteBuffer read = readRows(distinct);
        long hidden = info.shape()[1];
        try (NDManager scope = manager.newSubManager()) {
            ResidentWeight picked = info.dtype() == DType.BF16
                    ? ResidentWeight.bfloat16(scope.create(read, new Shape(distinct.length, hidden, 2), DataType.UINT8),
                            bfloat16Table, Function.identity())
                    : ResidentWeight.float16(scope.create(read, new Shape(distinct.length, hidden),
                            DataType.FLOAT16), Function.identity());
            return picked.rows(scope.create(slots, ids.getShape()), manager);
        }
    }

    private ByteBuffer readRows(long[] distinct) {
        ByteBuffer rows = buffer.of(Math.toIntExact(distinct.length * rowBytes));
        try (SafetensorsFile stored = SafetensorsFile.open(file)) {
            if (!info.equals(stored.tensors().get(info.name()))) {
                throw new MexaException("Safetensors file " + file + " changed while the model was in use: its entry"
                        + " for '" + info.name() + "' is no longer the one loaded (" + info + "). Do not replace a"
                        + " checkpoint during a run; run again.");
            }
            for (int row = 0; row < distinct.length; row++) {
                ByteBuffer slice = rows.duplicate().position((int) (row * rowBytes))
                        .limit((int) ((row + 1) * rowBytes));
                stored.readBytes(info.name(), distinct[row] * rowBytes, slice);
            }
        }
        return rows;
    }
}
