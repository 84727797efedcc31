package dev.mexa.core.io;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.Locale;

/**
 * What the system said about a failed file operation, in plain words ("permission denied", "no such file"),
 * without the Java exception's own text (which often only repeats the file name).
 */
public final class IoReason {

    private IoReason() {
    }

    /**
     * @param e the failure
     * @return a short lower-case reason, e.g. {@code permission denied} or {@code file name too long}
     */
    public static String of(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof NotDirectoryException) {
            return "not a directory";
        }
        if (e instanceof CharacterCodingException) {
            return "not valid UTF-8";
        }
        if (e instanceof FileSystemException fileSystem) {
            return fileSystem.getReason() == null ? "input/output error" : plain(fileSystem.getReason());
        }
        return e.getMessage() == null || e.getMessage().isBlank() ? "input/output error" : plain(e.getMessage());
    }

    private static String plain(String reason) {
        return reason.isEmpty() ? reason : reason.substring(0, 1).toLowerCase(Locale.ROOT) + reason.substring(1);
    }
}
