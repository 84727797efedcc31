package dev.mexa.core.io;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import dev.mexa.core.MexaException;
import java.nio.file.Path;

/**
 * The one JSON reader of mexa-core: strict RFC 8259 JSON into a Gson tree. It rejects what lenient parsers accept
 * silently: comments, unquoted keys, single quotes, trailing text, duplicate keys at any depth (where a lenient
 * parser lets the last one win), non-finite numbers ({@code NaN}, {@code Infinity}, or a literal too large for a
 * double) and nesting deeper than {@value #MAX_DEPTH}. Errors name the source and the line and column in plain words.
 */
public final class StrictJson {

    /** The largest JSON file read (a large {@code tokenizer.json} has some tens of MiB). */
    public static final long MAX_FILE_BYTES = 256L * 1024 * 1024;

    /** The deepest nesting of arrays and objects accepted. */
    static final int MAX_DEPTH = 256;

    private final String text;
    private final String source;
    private final String fix;
    private int at;

    private StrictJson(String text, String source, String fix) {
        this.text = text;
        this.source = source;
        this.fix = fix;
    }

    /**
     * @param file a JSON file (a regular file of at most {@link #MAX_FILE_BYTES}, UTF-8)
     * @param subject what it is, for messages, e.g. {@code "model config"}
     * @param fix what the user should do when it is not valid, e.g. {@code "Re-download the checkpoint."}
     * @return its JSON value
     * @throws MexaException naming the file, and the line and column where it is not valid JSON
     */
    public static JsonElement read(Path file, String subject, String fix) {
        String text = InputFiles.readUtf8(file, subject, MAX_FILE_BYTES);
        return parse(text, Character.toUpperCase(subject.charAt(0)) + subject.substring(1) + " " + file, fix);
    }

    /**
     * @param text JSON text
     * @param source what it is, e.g. {@code "The header of safetensors file /m/model.safetensors"}, for messages
     * @param fix what the user should do when it is not valid
     * @return its JSON value
     * @throws MexaException naming the source, and the line and column where it is not valid JSON
     */
    public static JsonElement parse(String text, String source, String fix) {
        StrictJson parser = new StrictJson(text, source, fix);
        parser.skipWhitespace();
        if (parser.at == text.length()) {
            throw parser.error("the text is empty; expected a JSON value");
        }
        JsonElement value = parser.value(0);
        parser.skipWhitespace();
        if (parser.at < text.length()) {
            throw parser.error(parser.peek() == '/' ? parser.commentProblem()
                    : "unexpected " + parser.describeNext() + " after the end of the JSON value");
        }
        return value;
    }

    private JsonElement value(int depth) {
        if (depth > MAX_DEPTH) {
            throw error("arrays and objects are nested more than " + MAX_DEPTH + " deep");
        }
        char next = text.charAt(at);
        return switch (next) {
            case '{' -> object(depth);
            case '[' -> array(depth);
            case '"' -> new JsonPrimitive(string());
            case 't' -> literal("true", new JsonPrimitive(true));
            case 'f' -> literal("false", new JsonPrimitive(false));
            case 'n' -> literal("null", JsonNull.INSTANCE);
            default -> {
                if (next != '-' && !isDigit(next)) {
                    throw unexpectedValue();
                }
                yield number();
            }
        };
    }

    private JsonObject object(int depth) {
        JsonObject object = new JsonObject();
        at++;
        skipWhitespace();
        if (peek() == '}') {
            at++;
            return object;
        }
        while (true) {
            if (peek() != '"') {
                throw error(peek() == '\'' ? "a key in single quotes; JSON keys are in double quotes"
                        : peek() == '/' ? commentProblem()
                        : "expected a key in double quotes, found " + describeNext());
            }
            int keyStart = at;
            String key = string();
            if (object.has(key)) {
                at = keyStart;
                throw error("duplicate key \"" + shortened(key) + "\" (each key may appear once in an object)");
            }
            skipWhitespace();
            expect(':', "':' after the key");
            skipWhitespace();
            requireMore("a value");
            object.add(key, value(depth + 1));
            skipWhitespace();
            if (peek() == ',') {
                at++;
                skipWhitespace();
                if (peek() == '}') {
                    throw error("a trailing comma before '}'");
                }
            } else {
                expect('}', "',' or '}'");
                return object;
            }
        }
    }

    private JsonArray array(int depth) {
        JsonArray array = new JsonArray();
        at++;
        skipWhitespace();
        if (peek() == ']') {
            at++;
            return array;
        }
        while (true) {
            requireMore("a value");
            array.add(value(depth + 1));
            skipWhitespace();
            if (peek() == ',') {
                at++;
                skipWhitespace();
                if (peek() == ']') {
                    throw error("a trailing comma before ']'");
                }
            } else {
                expect(']', "',' or ']'");
                return array;
            }
        }
    }

    private String string() {
        if (peek() == '\'') {
            throw error("a string in single quotes; JSON strings are in double quotes");
        }
        at++;
        StringBuilder out = new StringBuilder();
        while (true) {
            if (at >= text.length()) {
                throw error("a string is not closed with '\"'");
            }
            char c = text.charAt(at);
            if (c == '"') {
                at++;
                return out.toString();
            }
            if (c < 0x20) {
                throw error("a control character (code " + (int) c + ") inside a string; write it as an escape");
            }
            if (c == '\\') {
                out.append(escape());
            } else {
                out.append(c);
                at++;
            }
        }
    }

    private char escape() {
        at++;
        if (at >= text.length()) {
            throw error("a string is not closed with '\"'");
        }
        char c = text.charAt(at);
        at++;
        return switch (c) {
            case '"' -> '"';
            case '\\' -> '\\';
            case '/' -> '/';
            case 'b' -> '\b';
            case 'f' -> '\f';
            case 'n' -> '\n';
            case 'r' -> '\r';
            case 't' -> '\t';
            case 'u' -> unicodeEscape();
            default -> {
                at -= 2;
                throw error("an invalid escape '\\" + c + "' in a string");
            }
        };
    }

    private char unicodeEscape() {
        if (at + 4 > text.length()) {
            at -= 2;
            throw error("an incomplete \\u escape in a string");
        }
        int value = 0;
        for (int i = 0; i < 4; i++) {
            int digit = Character.digit(text.charAt(at + i), 16);
            if (digit < 0) {
                at -= 2;
                throw error("an invalid \\u escape in a string (four hexadecimal digits follow \\u)");
            }
            value = value * 16 + digit;
        }
        at += 4;
        return (char) value;
    }

    private JsonElement number() {
        int start = at;
        if (peek() == '-') {
            at++;
        }
        if (peek() == '0') {
            at++;
        } else if (isDigit(peek())) {
            skipDigits();
        } else {
            at = start;
            throw unexpectedValue();
        }
        if (peek() == '.') {
            at++;
            requireDigit("a digit after the decimal point");
            skipDigits();
        }
        if (peek() == 'e' || peek() == 'E') {
            at++;
            if (peek() == '+' || peek() == '-') {
                at++;
            }
            requireDigit("a digit in the exponent");
            skipDigits();
        }
        if (isDigit(peek())) {
            throw error("a number with a leading zero");
        }
        String literal = text.substring(start, at);
        if (!Double.isFinite(Double.parseDouble(literal))) {
            at = start;
            throw error("the number " + shortened(literal) + " is too large to be a finite double");
        }
        // Gson's own number type, so that getAsInt, getAsLong and getAsDouble behave as with any Gson tree
        return JsonParser.parseString(literal);
    }

    private JsonElement literal(String word, JsonElement value) {
        if (!text.startsWith(word, at)) {
            throw unexpectedValue();
        }
        at += word.length();
        return value;
    }

    private MexaException unexpectedValue() {
        if (text.startsWith("NaN", at) || text.startsWith("Infinity", at) || text.startsWith("-Infinity", at)) {
            return error("NaN and Infinity are not JSON numbers; only finite numbers are accepted");
        }
        char next = text.charAt(at);
        if (next == '/') {
            return error(commentProblem());
        }
        if (next == '\'') {
            return error("a string in single quotes; JSON strings are in double quotes");
        }
        return error("expected a JSON value (object, array, string, number, true, false or null), found "
                + describeNext());
    }

    private String commentProblem() {
        return "a comment; JSON has no comments";
    }

    private void expect(char wanted, String what) {
        if (peek() != wanted) {
            throw error(peek() == '/' ? commentProblem() : "expected " + what + ", found " + describeNext());
        }
        at++;
    }

    private void requireMore(String what) {
        if (at >= text.length()) {
            throw error("the text ends where " + what + " should follow");
        }
    }

    private void requireDigit(String what) {
        if (!isDigit(peek())) {
            throw error("expected " + what + ", found " + describeNext());
        }
    }

    private void skipDigits() {
        while (isDigit(peek())) {
            at++;
        }
    }

    private void skipWhitespace() {
        while (at < text.length()) {
            char c = text.charAt(at);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                return;
            }
            at++;
        }
    }

    /** @return the next character, or {@code 0} at the end of the text */
    private char peek() {
        return at < text.length() ? text.charAt(at) : 0;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private String describeNext() {
        if (at >= text.length()) {
            return "the end of the text";
        }
        char c = text.charAt(at);
        return c < 0x20 || c > 0x7e ? String.format("character U+%04X", (int) c) : "'" + c + "'";
    }

    private static String shortened(String value) {
        return value.length() <= 60 ? value : value.substring(0, 57) + "...";
    }

    private MexaException error(String problem) {
        int line = 1;
        int lineStart = 0;
        int end = Math.min(at, text.length());
        for (int i = 0; i < end; i++) {
            if (text.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return new MexaException(source + " is not valid JSON at line " + line + ", column " + (end - lineStart + 1)
                + ": " + problem + ". " + fix);
    }
}
