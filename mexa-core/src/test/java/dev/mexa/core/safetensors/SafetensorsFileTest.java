package dev.mexa.core.safetensors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mexa.core.MexaException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SafetensorsFileTest {

    @TempDir
    Path dir;

    /** A file with the given header JSON and data bytes, the header length written as the format says. */
    private Path file(String header, int dataBytes) throws IOException {
        byte[] json = header.getBytes(StandardCharsets.UTF_8);
        ByteBuffer bytes = ByteBuffer.allocate(8 + json.length + dataBytes).order(ByteOrder.LITTLE_ENDIAN);
        bytes.putLong(json.length).put(json);
        Path path = dir.resolve("t.safetensors");
        Files.write(path, bytes.array());
        return path;
    }

    @Test
    void roundTripsEveryFloatType() {
        float[] values = {0f, 1f, -2.5f, 3.140625f, 65504f, 1e-3f};
        Path path = dir.resolve("w.safetensors");
        new SafetensorsWriter().metadata("k", "v")
                .add("f32", DType.F32, new long[] {2, 3}, values)
                .add("f16", DType.F16, new long[] {6}, values)
                .add("bf16", DType.BF16, new long[] {3, 2}, values)
                .add("f64", DType.F64, new long[] {6}, values)
                .write(path);
        try (SafetensorsFile file = SafetensorsFile.open(path)) {
            assertThat(file.metadata()).containsEntry("k", "v");
            assertThat(file.tensors().keySet()).containsExactly("f32", "f16", "bf16", "f64");
            assertThat(file.info("bf16").shape()).containsExactly(3, 2);
            assertThat(file.readFloats("f32")).containsExactly(values);
            assertThat(file.readFloats("f64")).containsExactly(values);
            // exactly representable in half precision except 1e-3 (nearest half: 0.0010004043579)
            assertThat(file.readFloats("f16")).containsExactly(0f, 1f, -2.5f, 3.140625f, 65504f, 0.0010004043579f);
            // bfloat16 keeps 8 significant bits: 3.140625 -> 3.140625, 65504 -> 65536, 1e-3 -> 0.00099945068
            assertThat(file.readFloats("bf16")).containsExactly(0f, 1f, -2.5f, 3.140625f, 65536f, 9.9945068e-4f);
        }
    }

    @Test
    void readsLargeTensorsInChunks() {
        float[] values = new float[1001];
        for (int i = 0; i < values.length; i++) {
            values[i] = i * 0.5f;
        }
        Path path = dir.resolve("chunked.safetensors");
        new SafetensorsWriter().add("pad", DType.F16, new long[] {3}, new float[3])
                .add("f32", DType.F32, new long[] {values.length}, values)
                .add("bf16", DType.BF16, new long[] {values.length}, values).write(path);
        try (SafetensorsFile file = SafetensorsFile.open(path)) {
            // 64-byte chunks: 16 float32 or 32 bfloat16 values per mapping, the last chunk partial
            assertThat(file.readFloats("f32", 64)).containsExactly(values);
            assertThat(file.readFloats("bf16", 64)).containsExactly(file.readFloats("bf16"));
            assertThat(file.readFloats("bf16", 64)[1000]).isEqualTo(500f);
        }
    }

    @Test
    void halfPrecisionCodecMatchesKnownBitPatterns() {
        assertThat(FloatCodec.floatToFloat16(1f)).isEqualTo((short) 0x3C00);
        assertThat(FloatCodec.floatToFloat16(-2f)).isEqualTo((short) 0xC000);
        assertThat(FloatCodec.floatToFloat16(65504f)).isEqualTo((short) 0x7BFF);
        assertThat(FloatCodec.floatToFloat16(1e6f)).isEqualTo((short) 0x7C00);
        assertThat(FloatCodec.floatToFloat16(0x1p-24f)).isEqualTo((short) 0x0001);
        assertThat(FloatCodec.float16ToFloat((short) 0x0001)).isEqualTo(0x1p-24f);
        assertThat(FloatCodec.float16ToFloat((short) 0x3555)).isEqualTo(0.333251953125f);
        assertThat(Float.isNaN(FloatCodec.float16ToFloat((short) 0x7E00))).isTrue();
        assertThat(FloatCodec.bfloat16ToFloat((short) 0x3F80)).isEqualTo(1f);
        assertThat(FloatCodec.floatToBfloat16(1.00390625f)).isEqualTo((short) 0x3F80); // tie to even
    }

    @Test
    void missingFileNamesThePath() {
        Path missing = dir.resolve("nope.safetensors");
        assertThatThrownBy(() -> SafetensorsFile.open(missing)).isInstanceOf(MexaException.class)
                .hasMessageContaining(missing.toString()).hasMessageContaining("does not exist");
    }

    @Test
    void fileShorterThanTheLengthPrefix() throws IOException {
        Path path = dir.resolve("short.safetensors");
        Files.write(path, new byte[] {1, 2, 3});
        assertMalformed(path, "fewer than the 8-byte header length");
    }

    @Test
    void headerLongerThanFile() throws IOException {
        Path path = dir.resolve("long.safetensors");
        Files.write(path, ByteBuffer.allocate(20).order(ByteOrder.LITTLE_ENDIAN).putLong(1000).array());
        assertMalformed(path, "header length is 1000 bytes but the file holds only 12");
    }

    @Test
    void truncatedData() throws IOException {
        Path path = file("{\"w\":{\"dtype\":\"F32\",\"shape\":[4],\"data_offsets\":[0,16]}}", 8);
        assertMalformed(path, "tensor 'w' ends at byte 16 of the data section, which holds only 8 bytes");
    }

    @Test
    void truncatedWrittenFile() throws IOException {
        Path path = dir.resolve("w.safetensors");
        new SafetensorsWriter().add("w", DType.F32, new long[] {100}, new float[100]).write(path);
        byte[] bytes = Files.readAllBytes(path);
        Files.write(path, Arrays.copyOf(bytes, bytes.length - 1));
        assertMalformed(path, "truncated file");
    }

    @Test
    void overlappingOffsets() throws IOException {
        Path path = file("{\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]},"
                + "\"b\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[4,12]}}", 12);
        assertMalformed(path, "tensors 'a' and 'b' overlap");
    }

    @Test
    void offsetsOutOfOrder() throws IOException {
        Path path = file("{\"a\":{\"dtype\":\"F32\",\"shape\":[0],\"data_offsets\":[8,4]}}", 8);
        assertMalformed(path, "data_offsets [8, 4] out of order");
    }

    @Test
    void unknownDtype() throws IOException {
        Path path = file("{\"a\":{\"dtype\":\"F8_E4M3\",\"shape\":[2],\"data_offsets\":[0,2]}}", 2);
        assertMalformed(path, "unknown dtype 'F8_E4M3'");
    }

    @Test
    void dtypeThatIsNotAName() throws IOException {
        Path path = file("{\"a\":{\"dtype\":null,\"shape\":[1],\"data_offsets\":[0,4]}}", 4);
        assertMalformed(path, "tensor 'a' has dtype null instead of a type name");
    }

    @Test
    void shapeDisagreesWithSize() throws IOException {
        Path path = file("{\"a\":{\"dtype\":\"F16\",\"shape\":[2,3],\"data_offsets\":[0,8]}}", 8);
        assertMalformed(path, "shape [2, 3] of F16 (12 bytes) but its data_offsets span 8 bytes");
    }

    @Test
    void headerThatIsNotJson() throws IOException {
        assertMalformed(file("{not json", 0), "not valid JSON");
    }

    @Test
    void missingTensorNamesTheFile() throws IOException {
        Path path = file("{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]}}", 4);
        try (SafetensorsFile file = SafetensorsFile.open(path)) {
            assertThatThrownBy(() -> file.info("b")).isInstanceOf(MexaException.class)
                    .hasMessageContaining(path.toString()).hasMessageContaining("no tensor 'b'");
        }
    }

    @Test
    void aGapBetweenTensorsIsRejected() throws IOException {
        Path path = file("{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]},"
                + "\"b\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[8,12]}}", 12);
        assertMalformed(path, "the data section has 4 unused bytes before tensor 'b' (at byte 4)");
    }

    @Test
    void aGapBeforeTheFirstTensorIsRejected() throws IOException {
        Path path = file("{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[4,8]}}", 8);
        assertMalformed(path, "the data section has 4 unused bytes before tensor 'a' (at byte 0)");
    }

    @Test
    void overlappingTensorsAreRejected() throws IOException {
        Path path = file("{\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]},"
                + "\"b\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[4,8]}}", 8);
        assertMalformed(path, "tensors 'a' and 'b' overlap in the data section");
    }

    @Test
    void bytesAfterTheLastTensorAreRejected() throws IOException {
        Path path = file("{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]}}", 6);
        assertMalformed(path, "the data section has 2 bytes after the end of the last tensor");
    }

    @Test
    void emptyTensorsTileAnywhere() throws IOException {
        Path path = file("{\"e\":{\"dtype\":\"F32\",\"shape\":[0],\"data_offsets\":[4,4]},"
                + "\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]}}", 4);
        try (SafetensorsFile file = SafetensorsFile.open(path)) {
            assertThat(file.tensors()).containsOnlyKeys("a", "e");
        }
    }

    /** The finding: a header length shortened by a few bytes used to shift every tensor silently. */
    @Test
    void aShortenedHeaderLengthIsRejected() throws IOException {
        Path path = dir.resolve("embeddings.safetensors");
        new SafetensorsWriter().add("embeddings", DType.F32, new long[] {1, 2, 2}, new float[] {1, 2, 3, 4})
                .write(path);
        byte[] bytes = Files.readAllBytes(path);
        ByteBuffer header = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        long length = header.getLong(0);
        for (int shortenedBy = 1; shortenedBy < length; shortenedBy++) {
            header.putLong(0, length - shortenedBy);
            Files.write(path, bytes);
            assertThatThrownBy(() -> SafetensorsFile.open(path)).as("shortened by %d", shortenedBy)
                    .isInstanceOf(MexaException.class).hasMessageStartingWith("Malformed safetensors file " + path);
        }
    }

    @Test
    void lenientHeaderJsonIsRejected() throws IOException {
        assertMalformed(file("{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]},"
                + "\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]}}", 4),
                "the header is not valid JSON at line 1, column 55: duplicate key \"a\"");
        assertMalformed(file("{\"__metadata__\":{\"k\":\"v\",\"k\":\"w\"}}", 0), "duplicate key \"k\"");
        assertMalformed(file("{a:{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]}}", 4),
                "expected a key in double quotes");
        assertMalformed(file("{\"a\":{\"dtype\":\"F32\",\"shape\":[NaN],\"data_offsets\":[0,4]}}", 4),
                "NaN and Infinity are not JSON numbers");
        assertMalformed(file("{} // done", 0), "a comment; JSON has no comments");
    }

    @Test
    void aHeaderThatIsNotUtf8IsRejected() throws IOException {
        Path path = file("{\"__metadata__\":{\"k\":\"v?\"}}", 0);
        byte[] bytes = Files.readAllBytes(path);
        bytes[8 + 23] = (byte) 0xFF;
        Files.write(path, bytes);
        assertMalformed(path, "the header is not valid UTF-8 at line 1");
    }

    /** The finding: a 6 GB embeddings file printed only "Java heap space". */
    @Test
    void aTensorLargerThanTheHeapIsOneClearError() throws IOException {
        // more float32 values than the heap holds, or (on a heap over 8 GiB) more than one Java array holds
        long elements = Math.min(Runtime.getRuntime().maxMemory() / 4 + 1, Integer.MAX_VALUE);
        String header = "{\"embeddings\":{\"dtype\":\"F32\",\"shape\":[" + elements + "],\"data_offsets\":[0,"
                + elements * 4 + "]}}";
        byte[] json = header.getBytes(StandardCharsets.UTF_8);
        Path path = dir.resolve("huge.safetensors");
        try (java.io.RandomAccessFile sparse = new java.io.RandomAccessFile(path.toFile(), "rw")) {
            ByteBuffer start = ByteBuffer.allocate(8 + json.length).order(ByteOrder.LITTLE_ENDIAN);
            start.putLong(json.length).put(json);
            sparse.write(start.array());
            sparse.setLength(8 + json.length + elements * 4);
        }
        try (SafetensorsFile file = SafetensorsFile.open(path)) {
            assertThatThrownBy(() -> file.readFloats("embeddings")).isInstanceOf(MexaException.class)
                    .hasMessageStartingWith("Tensor 'embeddings' of " + path + " ");
        }
    }

    @Test
    void aDirectoryOrPipeIsNotOpened() {
        assertThatThrownBy(() -> SafetensorsFile.open(dir)).isInstanceOf(MexaException.class)
                .hasMessage("Cannot read safetensors file " + dir + ": not a regular file (a directory); point at the"
                        + " file itself.");
    }

    private static void assertMalformed(Path path, String detail) {
        assertThatThrownBy(() -> SafetensorsFile.open(path)).isInstanceOf(MexaException.class)
                .hasMessageStartingWith("Malformed safetensors file " + path + ": ")
                .hasMessageContaining(detail);
    }
}
