package dev.mexa.core.cache;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import dev.mexa.core.MexaException;
import dev.mexa.core.MexaLog;
import dev.mexa.core.io.AtomicFiles;
import dev.mexa.core.io.ReusedDirectBuffer;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.zip.CRC32C;

/**
 * A directory of per-language sentence embeddings, one file per {@link CacheKey}. An entry is written with
 * {@link AtomicFiles} (a temporary file in the same directory, forced to disk and renamed into place), so that readers
 * (other threads, other builds sharing the directory) see a complete entry or none. Reading checks the magic, the
 * stored key text, the shape against the file size and a CRC-32C of the whole entry; an entry failing any check is
 * reported, deleted and treated as missing, so that it is recomputed.
 *
 * <p>Entry layout (little-endian): magic {@code MEXAEMB1}, key length and UTF-8 key text, {@code layers},
 * {@code sentences} and {@code hidden} as int32, the float32 embeddings {@code [layers, sentences, hidden]}, then the
 * CRC-32C of everything before it as int64.
 *
 * <p>A hit marks its entry used (its modification time), as a write does; after a run, {@link #deleteUnused} deletes
 * the entries no run has used for {@link #UNUSED_LIFETIME} and the temporary files of writes that never finished (a
 * killed build), so that a directory shared by many models and corpora does not grow without end. A deleted entry is
 * only recomputed when a later run needs it again.
 */
public final class EmbeddingCache {

    /** How long an entry no run uses is kept (Gradle keeps its unused cache entries as long). */
    public static final Duration UNUSED_LIFETIME = Duration.ofDays(30);

    /** How old the temporary file of a write must be to count as abandoned: no write takes this long. */
    static final Duration ABANDONED_WRITE = Duration.ofDays(1);

    private static final byte[] MAGIC = "MEXAEMB1".getBytes(StandardCharsets.US_ASCII);

    private final Path directory;
    /** The buffer entries are read into (hence {@link #load} is synchronized). */
    private final ReusedDirectBuffer entryBuffer = new ReusedDirectBuffer(ByteOrder.LITTLE_ENDIAN);

    /** @param directory where entries live; created on the first write */
    public EmbeddingCache(Path directory) {
        this.directory = directory.toAbsolutePath();
    }

    /** @return the cache directory */
    public Path directory() {
        return directory;
    }

    /**
     * @param key what the embeddings depend on
     * @param manager where the loaded array lives
     * @param log receives a warning when the entry is corrupt
     * @return float32 {@code [layers, sentences, hidden]}, or {@code null} when there is no valid entry
     */
    public synchronized NDArray load(CacheKey key, NDManager manager, MexaLog log) {
        Path file = directory.resolve(key.fileName());
        ByteBuffer entry;
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            if (size > Integer.MAX_VALUE) {
                return discard(file, "it has " + size + " bytes, more than an entry can hold", log);
            }
            entry = entryBuffer.of((int) size);
            while (entry.hasRemaining() && channel.read(entry) >= 0) {
                // reads until full or end of file
            }
            entry.flip();
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            return discard(file, "it cannot be read (" + e.getMessage() + ")", log);
        }
        String problem = check(entry, key);
        if (problem != null) {
            return discard(file, problem, log);
        }
        int keyLength = entry.getInt(MAGIC.length);
        int at = MAGIC.length + 4 + keyLength;
        Shape shape = new Shape(entry.getInt(at), entry.getInt(at + 4), entry.getInt(at + 8));
        markUsed(file);
        // an array made from a direct buffer uses the buffer's memory: the copy is the engine's own
        try (NDArray stored = manager.create(entry.slice(at + 12, (int) shape.size() * Float.BYTES)
                .order(ByteOrder.nativeOrder()), shape, DataType.FLOAT32)) {
            return stored.duplicate();
        }
    }

    /** @return {@code null} when the entry is sound, else what is wrong with it */
    private static String check(ByteBuffer entry, CacheKey key) {
        int size = entry.limit();
        byte[] keyText = key.text().getBytes(StandardCharsets.UTF_8);
        int headerSize = MAGIC.length + 4 + keyText.length + 12;
        if (size < headerSize + Long.BYTES) {
            return "it has " + size + " bytes, fewer than its header (a partial write)";
        }
        byte[] magic = new byte[MAGIC.length];
        entry.get(0, magic);
        if (!java.util.Arrays.equals(magic, MAGIC)) {
            return "it does not start with the entry marker";
        }
        byte[] stored = new byte[Math.min(size - MAGIC.length - 4, Math.max(0, entry.getInt(MAGIC.length)))];
        entry.get(MAGIC.length + 4, stored);
        if (!java.util.Arrays.equals(stored, keyText)) {
            return "its stored key differs from the key it is filed under";
        }
        int at = MAGIC.length + 4 + keyText.length;
        long count = (long) entry.getInt(at) * entry.getInt(at + 4) * entry.getInt(at + 8);
        if (entry.getInt(at) <= 0 || entry.getInt(at + 4) <= 0 || entry.getInt(at + 8) <= 0
                || headerSize + count * Float.BYTES + Long.BYTES != size) {
            return "its shape does not match its " + size + " bytes (a partial write)";
        }
        CRC32C crc = new CRC32C();
        crc.update(entry.slice(0, size - Long.BYTES));
        if (crc.getValue() != entry.getLong(size - Long.BYTES)) {
            return "its checksum does not match its content";
        }
        return null;
    }

    /** A cache directory may be shared read-only (a CI cache restored as is): then entries simply age. */
    private static void markUsed(Path file) {
        try {
            Files.setLastModifiedTime(file, FileTime.from(Instant.now()));
        } catch (IOException e) {
            // the entry was read; only its age for deleteUnused is not renewed
        }
    }

    /**
     * Deletes the entries not used (read or written) for {@link #UNUSED_LIFETIME} and temporary files older than
     * {@link #ABANDONED_WRITE}; logs what it deleted, if anything. Files it cannot delete, and a directory it cannot
     * list, are left for a later run: a cache that cannot be tidied still works.
     *
     * @param log receives one line when something was deleted
     */
    public void deleteUnused(MexaLog log) {
        Instant now = Instant.now();
        int deleted = 0;
        long bytes = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory)) {
            for (Path file : files) {
                String name = file.getFileName().toString();
                Duration unusedFor = name.endsWith(CacheKey.ENTRY_SUFFIX) ? UNUSED_LIFETIME
                        : AtomicFiles.isTemporary(name) ? ABANDONED_WRITE : null;
                if (unusedFor == null) {
                    continue;
                }
                try {
                    BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
                    if (attributes.lastModifiedTime().toInstant().plus(unusedFor).isBefore(now)
                            && Files.deleteIfExists(file)) {
                        deleted++;
                        bytes += attributes.size();
                    }
                } catch (IOException e) {
                    // gone meanwhile, or not ours to delete
                }
            }
        } catch (IOException e) {
            return;
        }
        if (deleted > 0) {
            log.info(String.format(Locale.ROOT, "Embeddings cache %s: deleted %d file%s (%.1f MB) no run used for"
                    + " %d days, or left by a write %d day%s ago that never finished.", directory, deleted,
                    deleted == 1 ? "" : "s", bytes / 1e6, UNUSED_LIFETIME.toDays(), ABANDONED_WRITE.toDays(),
                    ABANDONED_WRITE.toDays() == 1 ? "" : "s"));
        }
    }

    private static NDArray discard(Path file, String problem, MexaLog log) {
        log.warn("Embeddings cache entry " + file + " is corrupt (" + problem + "): deleted; recomputing it.");
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("Cannot delete " + file + " (" + e.getMessage() + "): delete it by hand.");
        }
        return null;
    }

    /**
     * Writes an entry atomically; an existing entry for the key is replaced.
     *
     * @param key what the embeddings depend on
     * @param embeddings {@code [layers, sentences, hidden]}, any floating point type (stored as float32)
     * @throws MexaException naming the file when it cannot be written
     */
    public void store(CacheKey key, NDArray embeddings) {
        Shape shape = embeddings.getShape();
        byte[] keyText = key.text().getBytes(StandardCharsets.UTF_8);
        int headerSize = MAGIC.length + 4 + keyText.length + 12;
        ByteBuffer entry = ByteBuffer.allocate(Math.toIntExact(headerSize + shape.size() * Float.BYTES + Long.BYTES))
                .order(ByteOrder.LITTLE_ENDIAN);
        entry.put(MAGIC).putInt(keyText.length).put(keyText);
        entry.putInt((int) shape.get(0)).putInt((int) shape.get(1)).putInt((int) shape.get(2));
        NDArray wide = embeddings.toType(DataType.FLOAT32, false);
        try {
            entry.asFloatBuffer().put(wide.toFloatArray());
        } finally {
            if (wide != embeddings) {
                wide.close();
            }
        }
        CRC32C crc = new CRC32C();
        crc.update(entry.array(), 0, entry.capacity() - Long.BYTES);
        entry.putLong(entry.capacity() - Long.BYTES, crc.getValue());
        AtomicFiles.write(directory.resolve(key.fileName()), entry.array());
    }
}
