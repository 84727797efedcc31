package dev.mexa.core.io;

import dev.mexa.core.MexaException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Opens and reads input files with one wording for every failure: only regular files are read (a named pipe or
 * device would block or never end), sizes are checked against a limit before anything is allocated, text must be
 * UTF-8, and the system's reason for a failure is given in plain words ({@link IoReason}).
 */
public final class InputFiles {

    private InputFiles() {
    }

    /**
     * @param file the file
     * @param subject what the file is, for messages, e.g. {@code "corpus file"}
     * @return its size in bytes
     * @throws MexaException naming the file when it is missing, unreadable or not a regular file
     */
    public static long requireRegularFile(Path file, String subject) {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            throw new MexaException(capitalized(subject) + " " + file + " does not exist: check the path.", e);
        } catch (IOException e) {
            throw cannotRead(subject, file, e);
        }
        if (!attributes.isRegularFile()) {
            throw new MexaException("Cannot read " + subject + " " + file + ": not a regular file ("
                    + (attributes.isDirectory() ? "a directory" : "a named pipe, socket or device")
                    + "); point at the file itself.");
        }
        return attributes.size();
    }

    /**
     * @param file a regular file
     * @param subject what the file is, for messages
     * @return the file open for reading
     * @throws MexaException naming the file when it is missing, unreadable or not a regular file
     */
    public static FileChannel openChannel(Path file, String subject) {
        requireRegularFile(file, subject);
        try {
            return FileChannel.open(file, StandardOpenOption.READ);
        } catch (IOException e) {
            throw cannotRead(subject, file, e);
        }
    }

    /**
     * @param file a regular file
     * @param subject what the file is, for messages
     * @param maxBytes the largest size accepted
     * @return its bytes
     * @throws MexaException naming the file when it is unreadable, not a regular file or larger than the limit
     */
    public static byte[] readBytes(Path file, String subject, long maxBytes) {
        long size = requireRegularFile(file, subject);
        requireAtMost(file, subject, size, maxBytes);
        try (InputStream in = Files.newInputStream(file)) {
            // a file that grew since its size was read is cut at the limit plus one byte, and then rejected
            byte[] bytes = in.readNBytes((int) Math.min(maxBytes + 1, Integer.MAX_VALUE - 8));
            requireAtMost(file, subject, bytes.length, maxBytes);
            return bytes;
        } catch (IOException e) {
            throw cannotRead(subject, file, e);
        }
    }

    /**
     * @param file a regular UTF-8 text file
     * @param subject what the file is, for messages
     * @param maxBytes the largest size accepted
     * @return its text (a leading byte order mark is kept)
     * @throws MexaException naming the file, and the line when it is not valid UTF-8
     */
    public static String readUtf8(Path file, String subject, long maxBytes) {
        return decodeUtf8(readBytes(file, subject, maxBytes), capitalized(subject) + " " + file);
    }

    /**
     * @param bytes UTF-8 bytes
     * @param source what they are, e.g. {@code "Model config /m/config.json"}, for messages
     * @return the text
     * @throws MexaException naming the source and the line of the first malformed byte
     */
    public static String decodeUtf8(byte[] bytes, String source) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new MexaException(source + " is not valid UTF-8 at line " + firstMalformedLine(bytes)
                    + ": re-encode it as UTF-8.", e);
        }
    }

    private static int firstMalformedLine(byte[] bytes) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i <= bytes.length; i++) {
            if (i == bytes.length || bytes[i] == '\n') {
                try {
                    StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                            .onUnmappableCharacter(CodingErrorAction.REPORT)
                            .decode(ByteBuffer.wrap(bytes, lineStart, i - lineStart));
                } catch (CharacterCodingException e) {
                    return line;
                }
                line++;
                lineStart = i + 1;
            }
        }
        return line - 1;
    }

    /**
     * @param subject what the file is, for messages, e.g. {@code "corpus file"}
     * @param file the file
     * @param e what the system said
     * @return the error to throw: "Cannot read corpus file X: permission denied."
     */
    public static MexaException cannotRead(String subject, Path file, IOException e) {
        return new MexaException("Cannot read " + subject + " " + file + ": " + IoReason.of(e) + ".", e);
    }

    private static void requireAtMost(Path file, String subject, long size, long maxBytes) {
        if (size > maxBytes) {
            throw new MexaException(capitalized(subject) + " " + file + " has " + size + " bytes, more than the "
                    + maxBytes + " bytes such a file may have: check that it is the right file.");
        }
    }

    private static String capitalized(String subject) {
        return subject.isEmpty() ? subject : Character.toUpperCase(subject.charAt(0)) + subject.substring(1);
    }
}
