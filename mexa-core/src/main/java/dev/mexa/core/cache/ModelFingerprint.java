package dev.mexa.core.cache;

import dev.mexa.core.MexaException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * A digest of what a checkpoint directory's embeddings depend on, read without loading the model: {@code config.json},
 * {@code tokenizer.json} and the shard index in full; for every {@code *.safetensors} file its name, size, complete
 * header and {@value #SAMPLES} evenly spaced samples of {@value #SAMPLE_BYTES} bytes of its data (the whole data
 * when it is smaller), so that a checkpoint of many gigabytes is fingerprinted in milliseconds.
 */
public final class ModelFingerprint {

    /** Data samples per weight file. */
    static final int SAMPLES = 64;
    /** Bytes per data sample. */
    static final int SAMPLE_BYTES = 4096;

    private static final List<String> WHOLE_FILES = List.of("config.json", "tokenizer.json",
            "model.safetensors.index.json");

    private ModelFingerprint() {
    }

    /**
     * @param model a checkpoint directory
     * @return {@code sha256:<hex>} over the files listed above
     * @throws MexaException naming the file that cannot be read
     */
    public static String of(Path model) {
        MessageDigest digest = CacheKey.Digests.sha256();
        for (String name : WHOLE_FILES) {
            Path file = model.resolve(name);
            if (Files.isRegularFile(file)) {
                byte[] bytes = read(file);
                update(digest, name);
                digest.update(CacheKey.Digests.lengthPrefix(bytes.length));
                digest.update(bytes);
            }
        }
        for (Path weights : weightFiles(model)) {
            update(digest, weights.getFileName().toString());
            sampleWeights(weights, digest);
        }
        return "sha256:" + HexFormat.of().formatHex(digest.digest());
    }

    private static List<Path> weightFiles(Path model) {
        try (Stream<Path> files = Files.list(model)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".safetensors")).sorted().toList();
        } catch (IOException e) {
            throw new MexaException("Cannot list model directory " + model + ": " + e.getMessage(), e);
        }
    }

    private static void sampleWeights(Path file, MessageDigest digest) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            digest.update(CacheKey.Digests.lengthPrefix(size));
            long headerEnd = Math.min(size, 8 + headerLength(channel, size));
            update(digest, channel, 0, headerEnd);
            long data = size - headerEnd;
            if (data <= (long) SAMPLES * SAMPLE_BYTES) {
                update(digest, channel, headerEnd, size);
                return;
            }
            long stride = (data - SAMPLE_BYTES) / (SAMPLES - 1);
            for (int sample = 0; sample < SAMPLES; sample++) {
                long from = headerEnd + sample * stride;
                update(digest, channel, from, from + SAMPLE_BYTES);
            }
        } catch (IOException e) {
            throw new MexaException("Cannot read weight file " + file + " to fingerprint it: " + e.getMessage(), e);
        }
    }

    private static long headerLength(FileChannel channel, long size) throws IOException {
        if (size < 8) {
            return 0;
        }
        ByteBuffer length = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
        channel.read(length, 0);
        return Math.max(0, Math.min(size - 8, length.flip().getLong()));
    }

    private static void update(MessageDigest digest, FileChannel channel, long from, long to) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
        long at = from;
        while (at < to) {
            buffer.clear().limit((int) Math.min(buffer.capacity(), to - at));
            int read = channel.read(buffer, at);
            if (read < 0) {
                throw new IOException("unexpected end of file");
            }
            at += read;
            digest.update(buffer.flip());
        }
    }

    private static void update(MessageDigest digest, String name) {
        byte[] bytes = name.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        digest.update(CacheKey.Digests.lengthPrefix(bytes.length));
        digest.update(bytes);
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new MexaException("Cannot read " + file + " to fingerprint the model: " + e.getMessage(), e);
        }
    }
}
