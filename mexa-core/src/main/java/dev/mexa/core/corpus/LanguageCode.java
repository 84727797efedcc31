package dev.mexa.core.corpus;

import dev.mexa.core.MexaException;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * The language codes accepted from file names (corpus and embeddings files): a letter, then letters, digits,
 * {@code _} or {@code -}, at most {@value #MAX_LENGTH} characters, such as FLORES-200's {@code eng_Latn} or
 * {@code en-US}. Codes end up in reports, tables and file names, so anything else is refused where it comes in.
 */
public final class LanguageCode {

    /** The longest code accepted. */
    public static final int MAX_LENGTH = 64;

    /** What a code may look like, for messages. */
    public static final String ALLOWED = "a letter followed by letters, digits, '_' or '-', at most " + MAX_LENGTH
            + " characters (e.g. eng_Latn)";

    private static final Pattern PATTERN = Pattern.compile("[A-Za-z][A-Za-z0-9_-]{0," + (MAX_LENGTH - 1) + "}");

    private LanguageCode() {
    }

    /**
     * @param code a language code taken from a file name
     * @param file the file it was taken from
     * @return the code
     * @throws MexaException naming the file and what a code may look like when it is not a valid code
     */
    public static String fromFileName(String code, Path file) {
        if (!PATTERN.matcher(code).matches()) {
            throw new MexaException("File " + file + " names language '" + printable(code) + "', which is not a"
                    + " language code: a code is " + ALLOWED + ". Rename the file or move it out of the directory.");
        }
        return code;
    }

    private static String printable(String code) {
        StringBuilder out = new StringBuilder();
        code.codePoints().limit(MAX_LENGTH).forEach(c -> {
            if (Character.isISOControl(c)) {
                out.append(String.format("\\u%04X", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return code.codePointCount(0, code.length()) > MAX_LENGTH ? out + "..." : out.toString();
    }
}
