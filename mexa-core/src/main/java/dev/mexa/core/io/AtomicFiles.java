package dev.mexa.core.io;

import dev.mexa.core.MexaException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;

/** Writes files so that readers see either the old content or the complete new one, never a partial file. */
public final class AtomicFiles {

    private static final String TEMPORARY_PREFIX = ".mexa-";
    private static final String TEMPORARY_SUFFIX = ".tmp";

    private AtomicFiles() {
    }

    /**
     * @param target the file to write; parent directories are created
     * @param text its complete content, written as UTF-8
     */
    public static void write(Path target, String text) {
        write(target, text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * @param target the file to write; parent directories are created
     * @param bytes its complete content
     */
    public static void write(Path target, byte[] bytes) {
        Path absolute = target.toAbsolutePath();
        Path temp = null;
        try {
            Files.createDirectories(absolute.getParent());
            // a short name of its own: the target's name may already be near the file system's limit
            temp = Files.createTempFile(absolute.getParent(), TEMPORARY_PREFIX, TEMPORARY_SUFFIX);
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                channel.write(ByteBuffer.wrap(bytes));
                // on disk before the rename, so that a crash never leaves an empty file in the target's place
                channel.force(true);
            }
            if (Files.getFileStore(temp).supportsFileAttributeView("posix")) {
                Files.setPosixFilePermissions(temp, Files.exists(absolute) ? Files.getPosixFilePermissions(absolute)
                        : PosixFilePermissions.fromString("rw-r--r--"));
            }
            try {
                Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            deleteQuietly(temp);
            throw new MexaException("Cannot write " + absolute + ": " + IoReason.of(e)
                    + ". Check that the directory is writable and the disk is not full.", e);
        }
    }

    /**
     * @param fileName a file name
     * @return whether it names a temporary file of a write: left behind only by a process killed while writing
     */
    public static boolean isTemporary(String fileName) {
        return fileName.startsWith(TEMPORARY_PREFIX) && fileName.endsWith(TEMPORARY_SUFFIX);
    }

    private static void deleteQuietly(Path temp) {
        if (temp != null) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException ignored) {
                // the write failure is the one worth reporting
            }
        }
    }
}
