package dev.mexa.core.safetensors;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.mexa.core.MexaException;
import dev.mexa.core.io.InputFiles;
import dev.mexa.core.io.IoReason;
import dev.mexa.core.io.StrictJson;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A safetensors file opened for reading: the header is read and checked against the file size when the file is
 * opened, before any tensor data is touched; tensor data is then memory-mapped one tensor at a time.
 *
 * <p>Format: an 8-byte little-endian header length N, N bytes of JSON mapping each tensor name to its
 * {@code dtype}, {@code shape} and {@code data_offsets} (relative to the end of the header), an optional
 * {@code __metadata__} map of strings, then the raw little-endian data.
 */
public final class SafetensorsFile implements AutoCloseable {

    /** Headers larger than this are rejected as malformed rather than read into memory. */
    static final long MAX_HEADER_BYTES = 100L * 1024 * 1024;

    /** The most bytes mapped at once when reading a tensor (a mapping cannot exceed 2 GiB). */
    static final int CHUNK_BYTES = 1 << 30;

    private static final String SUBJECT = "safetensors file";
    private static final String REMEDY = "Re-export or re-download the file.";

    private final Path path;
    private final FileChannel channel;
    private final long dataStart;
    private final Map<String, TensorInfo> tensors;
    private final Map<String, String> metadata;

    private SafetensorsFile(Path path, FileChannel channel, long dataStart, Map<String, TensorInfo> tensors,
            Map<String, String> metadata) {
        this.path = path;
        this.channel = channel;
        this.dataStart = dataStart;
        this.tensors = tensors;
        this.metadata = metadata;
    }

    /**
     * Opens and validates a safetensors file.
     *
     * @param path the file
     * @return the open file; close it when done
     * @throws MexaException naming the file when it is missing, unreadable or malformed
     */
    public static SafetensorsFile open(Path path) {
        FileChannel channel = InputFiles.openChannel(path, SUBJECT);
        try {
            return read(path, channel);
        } catch (RuntimeException e) {
            closeQuietly(channel);
            throw e;
        }
    }

    private static SafetensorsFile read(Path path, FileChannel channel) {
        try {
            long fileSize = channel.size();
            if (fileSize < 8) {
                throw malformed(path, "the file has " + fileSize + " bytes, fewer than the 8-byte header length");
            }
            ByteBuffer lengthBytes = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
            readFully(channel, lengthBytes, 0);
            long headerLength = lengthBytes.flip().getLong();
            if (headerLength <= 0 || headerLength > fileSize - 8) {
                throw malformed(path, "the header length is " + headerLength + " bytes but the file holds only "
                        + (fileSize - 8) + " bytes after it (truncated file, or not a safetensors file)");
            }
            if (headerLength > MAX_HEADER_BYTES) {
                throw malformed(path, "the header length " + headerLength + " exceeds " + MAX_HEADER_BYTES + " bytes");
            }
            ByteBuffer headerBytes = ByteBuffer.allocate((int) headerLength);
            readFully(channel, headerBytes, 8);
            String json = InputFiles.decodeUtf8(headerBytes.array(), headerSource(path));
            long dataStart = 8 + headerLength;
            long dataSize = fileSize - dataStart;
            Map<String, String> metadata = new LinkedHashMap<>();
            Map<String, TensorInfo> tensors = parseHeader(path, json, dataSize, metadata);
            return new SafetensorsFile(path, channel, dataStart, tensors, metadata);
        } catch (IOException e) {
            throw InputFiles.cannotRead(SUBJECT, path, e);
        }
    }

    private static Map<String, TensorInfo> parseHeader(Path path, String json, long dataSize,
            Map<String, String> metadata) {
        JsonElement parsed = StrictJson.parse(json, headerSource(path), REMEDY);
        if (!parsed.isJsonObject()) {
            throw malformed(path, "the header is not a JSON object");
        }
        JsonObject header = parsed.getAsJsonObject();
        Map<String, TensorInfo> tensors = new LinkedHashMap<>();
        for (Map.Entry<String, JsonElement> entry : header.entrySet()) {
            if (entry.getKey().equals("__metadata__")) {
                readMetadata(path, entry.getValue(), metadata);
            } else {
                tensors.put(entry.getKey(), parseTensor(path, entry.getKey(), entry.getValue(), dataSize));
            }
        }
        checkTiling(path, tensors.values(), dataSize);
        return Collections.unmodifiableMap(tensors);
    }

    private static void readMetadata(Path path, JsonElement value, Map<String, String> metadata) {
        if (!value.isJsonObject()) {
            throw malformed(path, "__metadata__ is not a JSON object");
        }
        for (Map.Entry<String, JsonElement> item : value.getAsJsonObject().entrySet()) {
            if (!item.getValue().isJsonPrimitive()) {
                throw malformed(path, "__metadata__ entry '" + item.getKey() + "' is not a string");
            }
            metadata.put(item.getKey(), item.getValue().getAsString());
        }
    }

    private static TensorInfo parseTensor(Path path, String name, JsonElement value, long dataSize) {
        if (!value.isJsonObject()) {
            throw malformed(path, "entry for tensor '" + name + "' is not a JSON object");
        }
        JsonObject entry = value.getAsJsonObject();
        if (!entry.has("dtype") || !entry.has("shape") || !entry.has("data_offsets")) {
            throw malformed(path, "tensor '" + name + "' lacks one of dtype, shape, data_offsets");
        }
        if (!entry.get("dtype").isJsonPrimitive()) {
            throw malformed(path, "tensor '" + name + "' has dtype " + entry.get("dtype") + " instead of a type name");
        }
        String dtypeName = entry.get("dtype").getAsString();
        DType dtype = DType.fromHeaderName(dtypeName);
        if (dtype == null) {
            throw malformed(path, "tensor '" + name + "' has unknown dtype '" + dtypeName + "' (known: "
                    + DType.knownNames() + ")");
        }
        long[] shape;
        long begin;
        long end;
        try {
            shape = toLongs(entry.get("shape"));
            long[] offsets = toLongs(entry.get("data_offsets"));
            if (offsets.length != 2) {
                throw malformed(path, "tensor '" + name + "' has " + offsets.length + " data_offsets instead of 2");
            }
            begin = offsets[0];
            end = offsets[1];
        } catch (IllegalStateException | UnsupportedOperationException | NumberFormatException e) {
            throw malformed(path, "tensor '" + name + "' has a shape or data_offsets that are not integer arrays");
        }
        for (long dim : shape) {
            if (dim < 0) {
                throw malformed(path, "tensor '" + name + "' has a negative dimension in shape");
            }
        }
        if (begin < 0 || end < begin) {
            throw malformed(path, "tensor '" + name + "' has data_offsets [" + begin + ", " + end + "] out of order");
        }
        if (end > dataSize) {
            throw malformed(path, "tensor '" + name + "' ends at byte " + end + " of the data section, which holds"
                    + " only " + dataSize + " bytes (truncated file?)");
        }
        TensorInfo info = new TensorInfo(name, dtype, shape, begin, end);
        long expected;
        try {
            expected = Math.multiplyExact(info.elementCount(), (long) dtype.bytes());
        } catch (ArithmeticException e) {
            throw malformed(path, "tensor '" + name + "' has a shape too large to address");
        }
        if (expected != info.byteLength()) {
            throw malformed(path, "tensor '" + name + "' has shape " + java.util.Arrays.toString(shape) + " of " + dtype
                    + " (" + expected + " bytes) but its data_offsets span " + info.byteLength() + " bytes");
        }
        return info;
    }

    private static long[] toLongs(JsonElement element) {
        if (!element.isJsonArray()) {
            throw new IllegalStateException("not an array");
        }
        long[] values = new long[element.getAsJsonArray().size()];
        for (int i = 0; i < values.length; i++) {
            JsonElement item = element.getAsJsonArray().get(i);
            if (!item.isJsonPrimitive() || !item.getAsJsonPrimitive().isNumber()) {
                throw new IllegalStateException("not a number");
            }
            values[i] = Long.parseLong(item.getAsString());
        }
        return values;
    }

    /**
     * The tensors must tile the data section exactly: sorted by offset, each begins where the previous one ends,
     * the first at 0 and the last at the end of the file. A gap, an overlap or trailing bytes mean a corrupt file or
     * a wrong header length, which would otherwise shift every tensor silently.
     */
    private static void checkTiling(Path path, Iterable<TensorInfo> infos, long dataSize) {
        List<TensorInfo> sorted = new ArrayList<>();
        infos.forEach(sorted::add);
        sorted.sort(Comparator.comparingLong(TensorInfo::begin).thenComparingLong(TensorInfo::end));
        long covered = 0;
        String previous = null;
        for (TensorInfo current : sorted) {
            if (current.begin() < covered) {
                throw malformed(path, "tensors '" + previous + "' and '" + current.name()
                        + "' overlap in the data section");
            }
            if (current.begin() > covered) {
                throw malformed(path, "the data section has " + (current.begin() - covered) + " unused bytes before"
                        + " tensor '" + current.name() + "' (at byte " + covered + "); tensors must follow each other"
                        + " without gaps");
            }
            covered = current.end();
            previous = current.name();
        }
        if (covered != dataSize) {
            throw malformed(path, "the data section has " + (dataSize - covered) + " bytes after the end of the last"
                    + " tensor (the header length may be wrong, or data was appended)");
        }
    }

    private static void readFully(FileChannel channel, ByteBuffer buffer, long position) throws IOException {
        long at = position;
        while (buffer.hasRemaining()) {
            int read = channel.read(buffer, at);
            if (read < 0) {
                throw new IOException("unexpected end of file");
            }
            at += read;
        }
    }

    private static String headerSource(Path path) {
        return "Malformed safetensors file " + path + ": the header";
    }

    private static MexaException malformed(Path path, String detail) {
        return new MexaException("Malformed safetensors file " + path + ": " + detail + ". " + REMEDY);
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException ignored) {
            // the original failure is the one worth reporting
        }
    }

    /** @return the file this was opened from */
    public Path path() {
        return path;
    }

    /** @return every tensor entry, in header order */
    public Map<String, TensorInfo> tensors() {
        return tensors;
    }

    /** @return the string map under {@code __metadata__}, empty when absent */
    public Map<String, String> metadata() {
        return Collections.unmodifiableMap(metadata);
    }

    /**
     * @param name a tensor name
     * @return its header entry
     * @throws MexaException naming the file when there is no such tensor
     */
    public TensorInfo info(String name) {
        TensorInfo info = tensors.get(name);
        if (info == null) {
            throw new MexaException("Safetensors file " + path + " has no tensor '" + name + "' (it holds "
                    + tensors.size() + " tensors" + (tensors.isEmpty() ? "" : ", e.g. '"
                    + tensors.keySet().iterator().next() + "'") + ").");
        }
        return info;
    }

    /**
     * Reads one floating point tensor widened to float32 (F32, F16 and BF16; F64 is narrowed). The data is mapped
     * in chunks of at most {@value #CHUNK_BYTES} bytes, so tensors over 2 GiB on disk read as well.
     *
     * @param name a tensor name
     * @return its values in row-major order
     * @throws MexaException when the tensor is not floating point or too large for one Java array
     */
    public float[] readFloats(String name) {
        return readFloats(name, CHUNK_BYTES);
    }

    /**
     * @param name a tensor name
     * @param chunkBytes the most bytes to map at once
     * @return its values in row-major order
     */
    float[] readFloats(String name, int chunkBytes) {
        TensorInfo info = info(name);
        if (!info.dtype().isFloatingPoint()) {
            throw new MexaException("Tensor '" + name + "' of " + path + " has dtype " + info.dtype()
                    + "; expected F32, F16, BF16 or F64.");
        }
        if (info.elementCount() > Integer.MAX_VALUE - 8) {
            throw new MexaException("Tensor '" + name + "' of " + path + " has " + info.elementCount()
                    + " elements, too many to read into one array.");
        }
        int count = (int) info.elementCount();
        float[] values = allocate(name, count);
        int perChunk = chunkBytes / info.dtype().bytes();
        try {
            for (int first = 0; first < count; first += perChunk) {
                int chunk = Math.min(perChunk, count - first);
                long offset = dataStart + info.begin() + (long) first * info.dtype().bytes();
                ByteBuffer bytes = channel.map(FileChannel.MapMode.READ_ONLY, offset,
                        (long) chunk * info.dtype().bytes());
                FloatCodec.decodeInto(bytes, info.dtype(), values, first, chunk);
            }
        } catch (IOException e) {
            throw new MexaException("Cannot read tensor '" + name + "' of " + path + ": " + IoReason.of(e) + ".", e);
        }
        return values;
    }

    /**
     * Allocates the float32 array for a tensor: a size beyond the JVM's heap limit is refused before trying, and a
     * failed allocation is reported the same way, naming the file and the setting that helps.
     */
    private float[] allocate(String name, int count) {
        long bytes = 4L * count;
        if (bytes > Runtime.getRuntime().maxMemory()) {
            throw tooLargeForHeap(name, bytes, null);
        }
        try {
            return new float[count];
        } catch (OutOfMemoryError e) {
            throw tooLargeForHeap(name, bytes, e);
        }
    }

    private MexaException tooLargeForHeap(String name, long bytes, OutOfMemoryError cause) {
        return new MexaException("Tensor '" + name + "' of " + path + " needs " + (bytes >> 20) + " MiB as float32,"
                + " more than the Java heap has free (at most " + (Runtime.getRuntime().maxMemory() >> 20) + " MiB):"
                + " check that it is the right file, or give the JVM more memory (-Xmx in MAVEN_OPTS or the test"
                + " JVM's argLine).", cause);
    }

    /**
     * Reads part of a tensor's raw little-endian bytes with ordinary file reads (no mapping, so nothing of the file
     * stays resident in this process), for loaders that fill a tensor chunk by chunk.
     *
     * @param name a tensor name
     * @param from the first byte, relative to the tensor's data
     * @param into receives bytes from its position to its limit, which must lie within the tensor; left flipped
     * @throws MexaException naming the tensor and the file when it cannot be read
     */
    public void readBytes(String name, long from, ByteBuffer into) {
        TensorInfo info = info(name);
        if (from < 0 || from + into.remaining() > info.byteLength()) {
            throw new IllegalArgumentException("bytes " + from + "+" + into.remaining() + " outside tensor " + name);
        }
        try {
            readFully(channel, into, dataStart + info.begin() + from);
            into.flip();
        } catch (IOException e) {
            throw new MexaException("Cannot read tensor '" + name + "' of " + path + ": " + IoReason.of(e) + ".", e);
        }
    }

    @Override
    public void close() {
        closeQuietly(channel);
    }
}
