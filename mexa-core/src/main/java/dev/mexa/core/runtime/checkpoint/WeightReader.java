package dev.mexa.core.runtime.checkpoint;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import dev.mexa.core.MexaException;
import dev.mexa.core.io.ReusedDirectBuffer;
import dev.mexa.core.safetensors.DType;
import dev.mexa.core.safetensors.FloatCodec;
import dev.mexa.core.safetensors.SafetensorsFile;
import dev.mexa.core.safetensors.TensorInfo;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Loads checkpoint weights onto the device after checking each one's shape against what {@code config.json}
 * implies and its dtype against the floating point types, and remembers what it read so that a tensor the model
 * does not use can be reported ({@link #checkAllRead}). Each tensor is filled a chunk of {@value #CHUNK_BYTES} bytes
 * at a time with ordinary file reads, so that loading never holds a second full copy of a weight: values are widened
 * to float32 in Java a chunk at a time (BF16 included, which DJL's PyTorch bridge cannot hold on the CPU), then
 * converted to the compute type on the device. With half-precision residency, large weights read by
 * {@link #readResident} keep their stored F16 or BF16 values instead (see {@link ResidentWeight}), and a token
 * embedding table read by {@link #readEmbedding} stays in its file ({@link StoredEmbeddingRows}).
 */
public final class WeightReader {

    /** The output head: never read (embeddings need no logits), so allowed to remain unused. */
    public static final String OUTPUT_HEAD = "lm_head.weight";

    /** The most bytes of a tensor read at once while loading. */
    static final int CHUNK_BYTES = 16 << 20;

    private final CheckpointFiles files;
    private final NDManager manager;
    private final DataType computeType;
    private final String prefix;
    private final Set<String> read;
    private final boolean halfResident;
    private final ChunkBuffers buffers;
    private NDArray bfloat16Table;

    /**
     * @param files the checkpoint's weights
     * @param manager where loaded weights live (on the compute device)
     * @param computeType the dtype matrices are stored in on the device
     */
    public WeightReader(CheckpointFiles files, NDManager manager, DataType computeType) {
        this(files, manager, computeType, false);
    }

    /**
     * @param files the checkpoint's weights
     * @param manager where loaded weights live (on the compute device)
     * @param computeType the dtype matrices are stored in on the device
     * @param halfResident whether {@link #readResident} keeps F16 and BF16 weights as stored and {@link #readEmbedding}
     *     leaves such tables in their files (CPU, float32 compute)
     */
    public WeightReader(CheckpointFiles files, NDManager manager, DataType computeType, boolean halfResident) {
        this(files, manager, computeType, "", new HashSet<>(), halfResident, new ChunkBuffers());
    }

    private WeightReader(CheckpointFiles files, NDManager manager, DataType computeType, String prefix,
            Set<String> read, boolean halfResident, ChunkBuffers buffers) {
        this.files = files;
        this.manager = manager;
        this.computeType = computeType;
        this.prefix = prefix;
        this.read = read;
        this.halfResident = halfResident;
        this.buffers = buffers;
    }

    /**
     * A reader whose names carry the first of {@code candidates} under which {@code probe} exists (HF checkpoints
     * name the decoder's weights {@code model.*} or, saved from the base model, without prefix).
     *
     * @param candidates prefixes to try, in order
     * @param probe a weight name every checkpoint of the family has, without prefix
     * @return the reader; the first candidate when none matches, so a missing weight is reported under its usual
     *     name
     */
    public WeightReader withPrefix(List<String> candidates, String probe) {
        String chosen = candidates.stream().filter(candidate -> files.contains(candidate + probe)).findFirst()
                .orElse(candidates.get(0));
        return new WeightReader(files, manager, computeType, chosen, read, halfResident, buffers);
    }

    /**
     * Checks that every tensor of the checkpoint was read by this reader or one made from it, except the output
     * head: a tensor the model does not use means {@code config.json} describes another model (fewer layers than
     * the weights hold, a missing bias flag, another family).
     *
     * @throws MexaException naming the first unused tensors and the file
     */
    public void checkAllRead() {
        List<String> unused = files.names().stream()
                .filter(name -> !read.contains(name) && !name.equals(OUTPUT_HEAD)).toList();
        if (!unused.isEmpty()) {
            throw new MexaException("Checkpoint " + files.directory() + " holds " + unused.size() + " weight"
                    + (unused.size() == 1 ? "" : "s") + " that " + ModelConfig.FILE_NAME + " does not describe ("
                    + String.join(", ", unused.subList(0, Math.min(5, unused.size())))
                    + (unused.size() > 5 ? ", ..." : "") + "): check num_hidden_layers and the other keys of "
                    + files.directory().resolve(ModelConfig.FILE_NAME) + " against the weights, or re-download"
                    + " the checkpoint.");
        }
    }

    /** @return where the weights live; the model closes it */
    public NDManager manager() {
        return manager;
    }

    /** @return the dtype of matrices and activations */
    public DataType computeType() {
        return computeType;
    }

    /** @return the checkpoint's weights */
    public CheckpointFiles files() {
        return files;
    }

    /**
     * Reads a matrix or vector in the compute type.
     *
     * @param name weight name without the prefix
     * @param shape the shape {@code config.json} implies
     * @return the weight on the device
     */
    public NDArray read(String name, long... shape) {
        return load(checked(name, shape), computeType, shape);
    }

    /**
     * Reads a weight in float32 whatever the compute type (norm scales, which are applied in float32).
     *
     * @param name weight name without the prefix
     * @param shape the shape {@code config.json} implies
     * @return the weight on the device
     */
    public NDArray readFloat32(String name, long... shape) {
        return load(checked(name, shape), DataType.FLOAT32, shape);
    }

    /**
     * Reads a large weight (a projection matrix, a token embedding) in the form it stays in: with half-precision
     * residency on the CPU and an F16 or BF16 tensor, its stored values, widened to float32 on each use; else in the
     * compute type, as {@link #read}.
     *
     * @param name weight name without the prefix
     * @param view the layout the weight's users read, e.g. {@code w -> w.transpose(1, 0)}
     * @param shape the shape {@code config.json} implies
     * @return the resident weight
     */
    public ResidentWeight readResident(String name, Function<NDArray, NDArray> view, long... shape) {
        return resident(checked(name, shape), view, shape);
    }

    /**
     * Reads a token embedding table: with half-precision residency on the CPU and an F16 or BF16 table, the table
     * stays in its file and each lookup reads the rows it needs ({@link StoredEmbeddingRows}); else a resident
     * weight, as {@link #readResident}.
     *
     * @param name weight name without the prefix
     * @param vocab the vocabulary size {@code config.json} gives
     * @param hidden the hidden size {@code config.json} gives
     * @return the table
     */
    public EmbeddingTable readEmbedding(String name, long vocab, long hidden) {
        long[] shape = {vocab, hidden};
        Located located = checked(name, shape);
        TensorInfo info = located.file().info(located.name());
        if (halfResident && info.dtype() != DType.F32) {
            return new StoredEmbeddingRows(located.file().path(), info,
                    info.dtype() == DType.BF16 ? bfloat16Table() : null);
        }
        return resident(located, Function.identity(), shape);
    }

    private ResidentWeight resident(Located located, Function<NDArray, NDArray> view, long[] shape) {
        DType stored = located.file().info(located.name()).dtype();
        if (!halfResident || stored == DType.F32) {
            return ResidentWeight.dense(load(located, computeType, shape), view);
        }
        if (stored == DType.F16) {
            return ResidentWeight.float16(load(located, DataType.FLOAT16, shape), view);
        }
        long[] pairs = Arrays.copyOf(shape, shape.length + 1);
        pairs[shape.length] = 2;
        return ResidentWeight.bfloat16(load(located, DataType.UINT8, pairs), bfloat16Table(), view);
    }

    private record Located(SafetensorsFile file, String name) {
    }

    private Located checked(String name, long[] shape) {
        String fullName = prefix + name;
        SafetensorsFile file = files.fileOf(fullName);
        TensorInfo info = file.info(fullName);
        if (!Arrays.equals(info.shape(), shape)) {
            throw new MexaException("Weight '" + fullName + "' in " + file.path() + " has shape "
                    + Arrays.toString(info.shape()) + " but " + ModelConfig.FILE_NAME + " implies "
                    + Arrays.toString(shape) + ": the weights and config.json belong to different models;"
                    + " re-download the checkpoint.");
        }
        if (info.dtype() != DType.F32 && info.dtype() != DType.F16 && info.dtype() != DType.BF16) {
            throw new MexaException("Weight '" + fullName + "' in " + file.path() + " has dtype " + info.dtype()
                    + "; expected F32, F16 or BF16 (quantized checkpoints are not supported): use an unquantized"
                    + " checkpoint.");
        }
        read.add(fullName);
        return new Located(file, fullName);
    }

    /**
     * Fills a tensor of the target type chunk by chunk, so that loading never holds a second full copy: float types
     * are decoded to float32 a chunk at a time (exactly for F16 and BF16) and converted on the device; {@code uint8}
     * and float16 targets take the stored bytes of a half-precision tensor as they are.
     */
    private NDArray load(Located located, DataType target, long[] shape) {
        TensorInfo info = located.file().info(located.name());
        long count = info.elementCount();
        NDArray flat = manager.create(new Shape(target == DataType.UINT8 ? 2 * count : count), target);
        boolean raw = target == DataType.UINT8 || target == DataType.FLOAT16 && info.dtype() == DType.F16
                && manager.getDevice().getDeviceType().equals("cpu");
        int bytesPerValue = info.dtype().bytes();
        long perChunk = CHUNK_BYTES / bytesPerValue;
        int most = (int) Math.min(count, perChunk);
        ByteBuffer bytes = buffers.bytes(most * bytesPerValue);
        float[] values = raw ? null : buffers.values(most);
        ByteBuffer wideBytes = raw ? null : buffers.wideBytes(4 * most);
        for (long from = 0; from < count; from += perChunk) {
            int chunk = (int) Math.min(perChunk, count - from);
            bytes.clear().limit(chunk * bytesPerValue);
            located.file().readBytes(located.name(), from * bytesPerValue, bytes);
            try (NDManager scope = manager.newSubManager()) {
                NDArray part;
                if (raw) {
                    part = scope.create(bytes, target == DataType.UINT8 ? new Shape(chunk * 2L) : new Shape(chunk),
                            target);
                } else {
                    FloatCodec.decodeInto(bytes, info.dtype(), values, 0, chunk);
                    wideBytes.clear();
                    wideBytes.asFloatBuffer().put(values, 0, chunk);
                    part = scope.create(wideBytes.limit(4 * chunk), new Shape(chunk), DataType.FLOAT32);
                    part = target == DataType.FLOAT32 ? part : part.toType(target, false);
                }
                long scale = target == DataType.UINT8 ? 2 : 1;
                flat.set(new NDIndex("{}:{}", from * scale, (from + chunk) * scale), part);
            }
        }
        NDArray shaped = flat.reshape(new Shape(shape));
        flat.close();
        return shaped;
    }

    /**
     * The buffers a chunk passes through, made once per checkpoint and grown when a tensor needs more: one per tensor
     * would keep up to a copy of the weights resident waiting for the collector ({@link ReusedDirectBuffer}); and the
     * native buffer a float32 chunk is copied from is reused, as creating an array from a Java {@code float[]} would
     * allocate a direct buffer per chunk.
     */
    private static final class ChunkBuffers {

        private final ReusedDirectBuffer bytes = new ReusedDirectBuffer(ByteOrder.LITTLE_ENDIAN);
        private float[] values = new float[0];
        private final ReusedDirectBuffer wideBytes = new ReusedDirectBuffer(ByteOrder.nativeOrder());

        /** @return a little-endian direct buffer of at least {@code capacity} bytes */
        ByteBuffer bytes(int capacity) {
            return bytes.of(capacity);
        }

        /** @return a float array of at least {@code length} values */
        float[] values(int length) {
            if (values.length < length) {
                values = new float[length];
            }
            return values;
        }

        /** @return a native-order direct buffer of at least {@code capacity} bytes */
        ByteBuffer wideBytes(int capacity) {
            return wideBytes.of(capacity);
        }
    }

    /** @return the float32 value of each of the 65,536 BF16 bit patterns, made once per reader */
    private NDArray bfloat16Table() {
        if (bfloat16Table == null) {
            float[] table = new float[1 << 16];
            for (int bits = 0; bits < table.length; bits++) {
                table[bits] = FloatCodec.bfloat16ToFloat((short) bits);
            }
            bfloat16Table = manager.create(table);
        }
        return bfloat16Table;
    }
}
