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
 * when it is smaller), so that a checkpoint of many gigabytes is fingerprinted in milliseconds; a TorchScript export's
 * {@code model.pt} by its size and as many samples.
 */
public final class ModelFingerprint {

    /** Data samples per weight file. */
    static final int SAMPLES = 64;
    /** Bytes per data sample. */
    static final int SAMPLE_BYTES = 4096;

    /** A TorchScript export's file name (see the runtime's TorchScript support). */
    private static final String TORCHSCRIPT_EXPORT = "model.pt";

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
        Path export = model.resolve(TORCHSCRIPT_EXPORT);
        if (Files.isRegularFile(export)) {
            update(digest, TORCHSCRIPT_EXPORT);
            sample(export, digest);
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
            sampleData(digest, channel, headerEnd, size);
        } catch (IOException e) {
            throw new MexaException("Cannot read weight file " + file + " to fingerprint it: " + e.getMessage(), e);
        }
    }

    /** A TorchScript archive: its size and samples of all of it (it has no header to read whole). */
    private static void sample(Path file, MessageDigest digest) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            digest.update(CacheKey.Digests.lengthPrefix(channel.size()));
            sampleData(digest, channel, 0, channel.size());
        } catch (IOException e) {
            throw new MexaException("Cannot read " + file + " to fingerprint it: " + e.getMessage(), e);
        }
    }

    private static void sampleData(MessageDigest digest, FileChannel channel, long from, long to) throws IOException {
        long data = to - from;
        if (data <= (long) SAMPLES * SAMPLE_BYTES) {
            update(digest, channel, from, to);
            return;
        }
        long stride = (data - SAMPLE_BYTES) / (SAMPLES - 1);
        for (int sample = 0; sample < SAMPLES; sample++) {
            long at = from + sample * stride;
            update(digest, channel, at, at + SAMPLE_BYTES);
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
