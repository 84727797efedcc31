package dev.mexa.core.safetensors;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.mexa.core.MexaException;
import dev.mexa.core.io.AtomicFiles;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Builds a safetensors file in memory from named tensors and writes it atomically (temporary file, then move).
 * Meant for embeddings exports and generated checkpoints, not for files larger than a Java array.
 */
public final class SafetensorsWriter {

    /** The largest file built in one Java array, leaving room for the header. */
    static final long MAX_FILE_BYTES = Integer.MAX_VALUE - (64L << 20);

    private final Map<String, Entry> entries = new LinkedHashMap<>();
    private long dataBytes;
    private final Map<String, String> metadata = new LinkedHashMap<>();

    private record Entry(DType dtype, long[] shape, byte[] data) {
    }

    /**
     * Adds a floating point tensor, encoding float32 values as {@code dtype}.
     *
     * @param name tensor name
     * @param dtype stored element type (F32, F16, BF16 or F64)
     * @param shape dimensions; their product must equal {@code values.length}
     * @param values row-major values
     * @return this writer
     */
    public SafetensorsWriter add(String name, DType dtype, long[] shape, float[] values) {
        requireRoom(name, (long) values.length * dtype.bytes());
        return addRaw(name, dtype, shape, FloatCodec.encode(values, dtype));
    }

    /**
     * Adds a tensor from its raw little-endian bytes.
     *
     * @param name tensor name
     * @param dtype element type
     * @param shape dimensions
     * @param data raw bytes; their length must be the element count times the element size
     * @return this writer
     */
    public SafetensorsWriter addRaw(String name, DType dtype, long[] shape, byte[] data) {
        long count = 1;
        for (long dim : shape) {
            count = Math.multiplyExact(count, dim);
        }
        if (count * dtype.bytes() != data.length) {
            throw new IllegalArgumentException("tensor " + name + ": " + data.length + " bytes do not fit shape "
                    + java.util.Arrays.toString(shape) + " of " + dtype);
        }
        requireRoom(name, data.length);
        Entry previous = entries.put(name, new Entry(dtype, shape.clone(), data));
        dataBytes += data.length - (previous == null ? 0 : previous.data().length);
        return this;
    }

    private void requireRoom(String name, long bytes) {
        if (dataBytes + bytes > MAX_FILE_BYTES) {
            throw new MexaException("Tensor '" + name + "' would make the safetensors file " + (dataBytes + bytes)
                    + " bytes, more than the " + MAX_FILE_BYTES + " this writer builds in memory: write fewer"
                    + " sentences per file (sentences, mexa.sentences).");
        }
    }

    /**
     * @param key metadata key
     * @param value metadata value
     * @return this writer
     */
    public SafetensorsWriter metadata(String key, String value) {
        metadata.put(key, value);
        return this;
    }

    /** @return the complete file contents */
    public byte[] toBytes() {
        JsonObject header = new JsonObject();
        if (!metadata.isEmpty()) {
            JsonObject meta = new JsonObject();
            metadata.forEach(meta::addProperty);
            header.add("__metadata__", meta);
        }
        long offset = 0;
        for (Map.Entry<String, Entry> item : entries.entrySet()) {
            Entry entry = item.getValue();
            JsonObject tensor = new JsonObject();
            tensor.addProperty("dtype", entry.dtype().name());
            JsonArray shape = new JsonArray();
            for (long dim : entry.shape()) {
                shape.add(dim);
            }
            tensor.add("shape", shape);
            JsonArray offsets = new JsonArray();
            offsets.add(offset);
            offset += entry.data().length;
            offsets.add(offset);
            tensor.add("data_offsets", offsets);
            header.add(item.getKey(), tensor);
        }
        byte[] json = header.toString().getBytes(StandardCharsets.UTF_8);
        int padding = (8 - json.length % 8) % 8;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(json.length + padding).array());
        out.writeBytes(json);
        out.writeBytes(" ".repeat(padding).getBytes(StandardCharsets.US_ASCII));
        for (Entry entry : entries.values()) {
            out.writeBytes(entry.data());
        }
        return out.toByteArray();
    }

    /**
     * Writes the file atomically: readers never see a half-written file.
     *
     * @param path the target file; its parent directories are created
     */
    public void write(Path path) {
        AtomicFiles.write(path, toBytes());
    }
}
