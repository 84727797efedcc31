package dev.mexa.core.archive;

import dev.mexa.core.io.AtomicFiles;
import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;

/**
 * What the cache last hashed an archive as, recorded beside its unpacked copies: the archive's path, size and
 * modification time with its SHA-256. While the archive keeps all three, its checksum is taken from here instead of
 * reading the whole file again (a checkpoint archive can be gigabytes); a re-installed, re-downloaded, rebuilt or
 * truncated archive changes its time or size and is hashed again.
 *
 * @param archive the archive's absolute path
 * @param size its size in bytes
 * @param modified its modification time at the file system's full precision, ISO-8601
 * @param sha256 its SHA-256, as hex; null until it has been hashed
 */
record ArchiveStamp(String archive, long size, String modified, String sha256) {

    /** Name of the stamp file in the key's directory. */
    static final String FILE_NAME = "archive.stamp";

    /**
     * Taken before the archive is hashed, so that an archive replaced while it is read is hashed again next time.
     *
     * @param archive an archive
     * @return its path, size and time, without a checksum yet
     * @throws IOException when its size or time cannot be read
     */
    static ArchiveStamp of(Path archive) throws IOException {
        return new ArchiveStamp(archive.toAbsolutePath().normalize().toString(), Files.size(archive),
                Files.getLastModifiedTime(archive).toString(), null);
    }

    /**
     * @param checksum the archive's SHA-256
     * @return this stamp with it
     */
    ArchiveStamp hashed(String checksum) {
        return new ArchiveStamp(archive, size, modified, checksum);
    }

    /**
     * @param file a stamp file
     * @return the stamp it holds; empty when it is missing, unreadable or not a stamp (the archive is hashed then)
     */
    static Optional<ArchiveStamp> read(Path file) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
            String sha256 = properties.getProperty("sha256", "");
            if (!sha256.matches("[0-9a-f]{64}")) {
                return Optional.empty();
            }
            return Optional.of(new ArchiveStamp(properties.getProperty("archive", ""),
                    Long.parseLong(properties.getProperty("size", "")),
                    properties.getProperty("modified", ""), sha256));
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * @param file where the stamp goes, replaced atomically
     */
    void write(Path file) {
        Properties properties = new Properties();
        properties.setProperty("archive", archive);
        properties.setProperty("size", Long.toString(size));
        properties.setProperty("modified", modified);
        properties.setProperty("sha256", sha256);
        StringWriter text = new StringWriter();
        try {
            properties.store(text, "The archive's checksum while its path, size and modification time stay the same");
        } catch (IOException e) {
            throw new IllegalStateException("A StringWriter does not fail", e);
        }
        AtomicFiles.write(file, text.toString());
    }

    /**
     * @param candidate an archive
     * @return whether it is the stamped archive with the same size and modification time
     */
    boolean matches(Path candidate) {
        try {
            return archive.equals(candidate.toAbsolutePath().normalize().toString()) && Files.size(candidate) == size
                    && Files.getLastModifiedTime(candidate).toString().equals(modified);
        } catch (IOException e) {
            return false;
        }
    }
}
