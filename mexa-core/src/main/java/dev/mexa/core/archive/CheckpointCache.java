package dev.mexa.core.archive;

import dev.mexa.core.MexaException;
import dev.mexa.core.MexaLog;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Checkpoint archives (a jar or zip holding a HuggingFace-format checkpoint directory) unpacked once into a cache
 * directory, at {@code <cache>/<key...>/<sha256 of the archive>}. An archive is unpacked into a private staging
 * directory and renamed into place in one step, so that concurrent builds never see half an unpack: the one that
 * renames first wins, the others use its copy. The archive is hashed once as well: an {@link ArchiveStamp} beside the
 * copies keeps its checksum while the archive keeps its path, size and modification time.
 */
public final class CheckpointCache {

    /** The most entries a checkpoint archive may hold. */
    static final int MAX_ENTRIES = 10_000;
    /** The most bytes a checkpoint archive may unpack to: 1 TiB, beyond any checkpoint this runtime can load. */
    static final long MAX_BYTES = 1L << 40;

    private final Path root;
    private final SafeUnzip unzip;

    /** @param root the cache directory, created on first use */
    public CheckpointCache(Path root) {
        this.root = root.toAbsolutePath().normalize();
        this.unzip = new SafeUnzip(MAX_ENTRIES, MAX_BYTES);
    }

    /**
     * @param archive the jar or zip
     * @param key the archive's identity as path segments, e.g. group, artifact, version and file name; characters
     *     other than letters, digits, {@code .}, {@code _} and {@code -} are replaced
     * @param what the archive's name in messages, e.g. its coordinates and the parameter that names it
     * @param log where the line saying which copy is used goes
     * @return the checkpoint directory: the unpacked root when it holds {@code config.json}, else its one top-level
     *     directory that does
     * @throws MexaException when the archive is unreadable, unsafe, too large or holds no checkpoint
     */
    public Path checkpoint(Path archive, List<String> key, String what, MexaLog log) {
        Path directory = root;
        for (String segment : key) {
            directory = directory.resolve(segment(segment));
        }
        Path stampFile = directory.resolve(ArchiveStamp.FILE_NAME);
        Optional<ArchiveStamp> stamp = ArchiveStamp.read(stampFile).filter(earlier -> earlier.matches(archive));
        if (stamp.isPresent() && Files.isDirectory(directory.resolve(stamp.get().sha256()))) {
            Path unpacked = directory.resolve(stamp.get().sha256());
            log.info("Using " + what + " unpacked in " + unpacked + " (the archive's size and time are those it was"
                    + " hashed with)");
            return checkpointIn(unpacked, what);
        }
        ArchiveStamp seen = stat(archive, what);
        String sha256 = sha256(archive, what);
        Path unpacked = directory.resolve(sha256);
        if (Files.isDirectory(unpacked)) {
            log.info("Using " + what + " unpacked in " + unpacked);
        } else {
            unpack(archive, what, unpacked);
            log.info("Unpacked " + what + " into " + unpacked);
        }
        Path checkpoint = checkpointIn(unpacked, what);
        seen.hashed(sha256).write(stampFile);
        return checkpoint;
    }

    private static ArchiveStamp stat(Path archive, String what) {
        try {
            return ArchiveStamp.of(archive);
        } catch (IOException e) {
            throw new MexaException("Cannot read " + what + " (" + archive + "): " + e.getMessage(), e);
        }
    }

    private void unpack(Path archive, String what, Path unpacked) {
        Path staging = null;
        try {
            Files.createDirectories(unpacked.getParent());
            staging = Files.createTempDirectory(unpacked.getParent(), unpacked.getFileName() + ".unpacking-");
            unzip.unpack(archive, what, staging);
            checkpointIn(staging, what);
            try {
                Files.move(staging, unpacked, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                throw new MexaException("Cannot rename the unpacked " + what + " into place in " + unpacked.getParent()
                        + " atomically: set modelCache (mexa.modelCache) to a directory on a local disk.", e);
            } catch (IOException e) {
                if (!Files.isDirectory(unpacked)) {
                    throw e;
                }
                // another build renamed its complete copy into place first ("directory not empty"); use that one
            }
        } catch (IOException e) {
            throw new MexaException("Cannot unpack " + what + " into " + unpacked.getParent() + ": " + e.getMessage()
                    + ". Check that the directory is writable and the disk is not full.", e);
        } finally {
            deleteQuietly(staging);
        }
    }

    private static Path checkpointIn(Path unpacked, String what) {
        if (Files.isRegularFile(unpacked.resolve("config.json"))) {
            return unpacked;
        }
        List<Path> candidates;
        try (Stream<Path> children = Files.list(unpacked)) {
            candidates = children.filter(Files::isDirectory)
                    .filter(child -> !child.getFileName().toString().equals("META-INF")).toList();
        } catch (IOException e) {
            throw new MexaException("Cannot list the unpacked " + what + " in " + unpacked + ": " + e.getMessage(), e);
        }
        if (candidates.size() == 1 && Files.isRegularFile(candidates.get(0).resolve("config.json"))) {
            return candidates.get(0);
        }
        throw new MexaException(what + " holds no config.json at its root or in a single top-level directory:"
                + " package the checkpoint directory (config.json, model.safetensors, tokenizer.json) as the"
                + " archive's root or as its only directory.");
    }

    private static String segment(String value) {
        String safe = value.replaceAll("[^A-Za-z0-9._-]", "_");
        return safe.isEmpty() || safe.equals(".") || safe.equals("..") ? "_" + safe : safe;
    }

    private static String sha256(Path archive, String what) {
        try (InputStream in = Files.newInputStream(archive)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 20];
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                digest.update(buffer, 0, read);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new MexaException("Cannot read " + what + " (" + archive + "): " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    private static void deleteQuietly(Path directory) {
        if (directory == null || !Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException ignored) {
            // a staging directory left behind is harmless: the cache only ever uses renamed, complete copies
        }
    }
}
