package dev.mexa.core.corpus;

import dev.mexa.core.MexaException;
import dev.mexa.core.io.InputFiles;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the leading lines of one corpus file as strict UTF-8, rejecting malformed bytes and empty lines. Each line is
 * stripped of leading and trailing whitespace as Python's {@code str.strip()} does (the official MEXA code strips
 * every sentence), so trailing spaces or tabs in a file do not change the tokens and scores.
 */
final class SentenceFile {

    /** The largest corpus file read (a FLORES-200 devtest file has about 300 KB). */
    static final long MAX_BYTES = 256L * 1024 * 1024;

    private SentenceFile() {
    }

    /**
     * @param file a UTF-8 text file, one sentence per line ({@code \n} or {@code \r\n})
     * @param limit the most lines to read
     * @return up to {@code limit} lines, stripped, without line terminators (a leading byte order mark is dropped)
     * @throws MexaException naming the file and line when a line is empty or not valid UTF-8
     */
    static List<String> readLeading(Path file, int limit) {
        byte[] bytes = InputFiles.readBytes(file, "corpus file", MAX_BYTES);
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        List<String> lines = new ArrayList<>();
        int start = 0;
        while (lines.size() < limit && start < bytes.length) {
            int end = start;
            while (end < bytes.length && bytes[end] != '\n') {
                end++;
            }
            int contentEnd = end > start && bytes[end - 1] == '\r' ? end - 1 : end;
            String line = decode(decoder, bytes, start, contentEnd, file, lines.size() + 1);
            if (lines.isEmpty() && line.startsWith("\uFEFF")) {
                line = line.substring(1);
            }
            line = strip(line);
            if (line.isEmpty()) {
                throw new MexaException("Corpus file " + file + " has an empty line " + (lines.size() + 1)
                        + ": every line must hold one sentence aligned with the other languages; fill or remove"
                        + " that line in every file.");
            }
            lines.add(line);
            start = end + 1;
        }
        return lines;
    }

    /**
     * @param line a decoded line
     * @return it without the leading and trailing characters Python's {@code str.isspace()} accepts (Java's
     *     {@link String#strip()} keeps no-break spaces and U+0085, which Python strips)
     */
    static String strip(String line) {
        int start = 0;
        int end = line.length();
        while (start < end && isPythonSpace(line.charAt(start))) {
            start++;
        }
        while (end > start && isPythonSpace(line.charAt(end - 1))) {
            end--;
        }
        return line.substring(start, end);
    }

    private static boolean isPythonSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\u0085';
    }

    private static String decode(CharsetDecoder decoder, byte[] bytes, int from, int to, Path file, int lineNumber) {
        try {
            return decoder.reset().decode(ByteBuffer.wrap(bytes, from, to - from)).toString();
        } catch (CharacterCodingException e) {
            throw new MexaException("Corpus file " + file + " is not valid UTF-8 at line " + lineNumber
                    + ": re-encode the file as UTF-8.", e);
        }
    }
}
