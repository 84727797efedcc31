package dev.mexa.core.fuzz;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Seeded mutations of a valid input file: byte-level damage (flips, insertions, deletions, truncation, garbage)
 * and JSON-aware edits (a string, number or literal replaced by a value a careful attacker would try, a key
 * duplicated, a comment inserted), plus edits of the 8-byte length that starts a safetensors file.
 */
final class Mutator {

    /** Values that break readers: wrong types, non-finite and lenient numbers, overflowing integers, structures. */
    private static final List<String> TOKENS = List.of("0", "-1", "1", "2", "16.5", "-0", "1e308", "1e400", "NaN",
            "Infinity", "-Infinity", "9223372036854775807", "9223372036854775808", "2147483648", "4294967296",
            "\"16\"", "\"yes\"", "\"\"", "null", "true", "false", "[]", "{}", "[1,2]", "[-1]", "{\"a\":1}", "\"F32\"",
            "\"BF16\"", "\"I64\"", "\"__metadata__\"", "'x'", "0x10", "1.0e-400", "[[[[[[[[]]]]]]]]", "\"\\u0000\"",
            "\"\\ud800\"", "[0,999999999999]");
    private static final Pattern TOKEN = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"|-?\\d+(?:\\.\\d+)?(?:[eE][-+]?\\d+)?"
            + "|true|false|null");
    private static final byte[] INTERESTING_BYTES = "\"{}[],:/\\N0-9 \n\u0000".getBytes(StandardCharsets.UTF_8);

    private Mutator() {
    }

    /**
     * @param original a valid file
     * @param random the case's generator
     * @param safetensors whether the file starts with a safetensors header length
     * @return a mutant, one to three edits away
     */
    static byte[] mutate(byte[] original, Random random, boolean safetensors) {
        byte[] bytes = original;
        int edits = 1 + random.nextInt(3);
        for (int i = 0; i < edits; i++) {
            int kind = random.nextInt(safetensors ? 11 : 9);
            bytes = switch (kind) {
                case 0, 1, 2 -> replaceToken(bytes, random, safetensors);
                case 3 -> flipBit(bytes, random);
                case 4 -> setByte(bytes, random);
                case 5 -> deleteRange(bytes, random);
                case 6 -> duplicateRange(bytes, random);
                case 7 -> truncate(bytes, random);
                case 8 -> insertText(bytes, random, safetensors);
                default -> changeHeaderLength(bytes, random);
            };
        }
        return bytes;
    }

    private static byte[] replaceToken(byte[] bytes, Random random, boolean safetensors) {
        int headerEnd = headerEnd(bytes, safetensors);
        if (headerEnd < 0) {
            return flipBit(bytes, random);
        }
        int start = safetensors ? 8 : 0;
        String text = new String(bytes, start, headerEnd - start, StandardCharsets.ISO_8859_1);
        List<int[]> spans = new ArrayList<>();
        Matcher matcher = TOKEN.matcher(text);
        while (matcher.find()) {
            spans.add(new int[] {matcher.start(), matcher.end()});
        }
        if (spans.isEmpty()) {
            return flipBit(bytes, random);
        }
        int[] span = spans.get(random.nextInt(spans.size()));
        String replacement = random.nextInt(4) == 0
                ? text.substring(span[0], span[1]) + ", " + text.substring(span[0], span[1]) // a duplicate entry
                : TOKENS.get(random.nextInt(TOKENS.size()));
        String mutated = text.substring(0, span[0]) + replacement + text.substring(span[1]);
        return splice(bytes, start, headerEnd, mutated.getBytes(StandardCharsets.ISO_8859_1), safetensors);
    }

    private static byte[] insertText(byte[] bytes, Random random, boolean safetensors) {
        int headerEnd = headerEnd(bytes, safetensors);
        if (headerEnd < 0) {
            return flipBit(bytes, random);
        }
        int start = safetensors ? 8 : 0;
        String text = new String(bytes, start, headerEnd - start, StandardCharsets.ISO_8859_1);
        String[] insertions = {"// comment\n", "/* c */", ",", " x", "'", "\"", "NaN", "{", "]", "\u00e9"};
        int at = random.nextInt(text.length() + 1);
        String mutated = text.substring(0, at) + insertions[random.nextInt(insertions.length)] + text.substring(at);
        return splice(bytes, start, headerEnd, mutated.getBytes(StandardCharsets.ISO_8859_1), safetensors);
    }

    /** Replaces the JSON part and, for safetensors, rewrites the header length to match it. */
    private static byte[] splice(byte[] bytes, int start, int end, byte[] json, boolean safetensors) {
        byte[] out = new byte[bytes.length - (end - start) + json.length];
        System.arraycopy(bytes, 0, out, 0, start);
        System.arraycopy(json, 0, out, start, json.length);
        System.arraycopy(bytes, end, out, start + json.length, bytes.length - end);
        if (safetensors) {
            ByteBuffer.wrap(out).order(ByteOrder.LITTLE_ENDIAN).putLong(0, json.length);
        }
        return out;
    }

    /** @return where the JSON text ends: the header's end for safetensors, the file's end otherwise; -1 if unknown */
    private static int headerEnd(byte[] bytes, boolean safetensors) {
        if (!safetensors) {
            return bytes.length;
        }
        if (bytes.length < 8) {
            return -1;
        }
        long length = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).getLong(0);
        return length <= 0 || length > bytes.length - 8 ? -1 : (int) (8 + length);
    }

    private static byte[] changeHeaderLength(byte[] bytes, Random random) {
        if (bytes.length < 8) {
            return bytes;
        }
        byte[] out = bytes.clone();
        ByteBuffer buffer = ByteBuffer.wrap(out).order(ByteOrder.LITTLE_ENDIAN);
        long length = buffer.getLong(0);
        long[] choices = {length - 1 - random.nextInt(8), length + 1 + random.nextInt(8), 0, -1, Long.MAX_VALUE,
            Integer.MAX_VALUE, out.length, 1L << 40};
        buffer.putLong(0, choices[random.nextInt(choices.length)]);
        return out;
    }

    private static byte[] flipBit(byte[] bytes, Random random) {
        if (bytes.length == 0) {
            return bytes;
        }
        byte[] out = bytes.clone();
        out[random.nextInt(out.length)] ^= (byte) (1 << random.nextInt(8));
        return out;
    }

    private static byte[] setByte(byte[] bytes, Random random) {
        if (bytes.length == 0) {
            return bytes;
        }
        byte[] out = bytes.clone();
        out[random.nextInt(out.length)] = random.nextBoolean()
                ? INTERESTING_BYTES[random.nextInt(INTERESTING_BYTES.length)] : (byte) random.nextInt(256);
        return out;
    }

    private static byte[] deleteRange(byte[] bytes, Random random) {
        if (bytes.length == 0) {
            return bytes;
        }
        int from = random.nextInt(bytes.length);
        int to = Math.min(bytes.length, from + 1 + random.nextInt(16));
        byte[] out = new byte[bytes.length - (to - from)];
        System.arraycopy(bytes, 0, out, 0, from);
        System.arraycopy(bytes, to, out, from, bytes.length - to);
        return out;
    }

    private static byte[] duplicateRange(byte[] bytes, Random random) {
        if (bytes.length == 0) {
            return bytes;
        }
        int from = random.nextInt(bytes.length);
        int to = Math.min(bytes.length, from + 1 + random.nextInt(32));
        byte[] out = new byte[bytes.length + (to - from)];
        System.arraycopy(bytes, 0, out, 0, to);
        System.arraycopy(bytes, from, out, to, bytes.length - from);
        return out;
    }

    private static byte[] truncate(byte[] bytes, Random random) {
        return bytes.length == 0 ? bytes : Arrays.copyOf(bytes, random.nextInt(bytes.length));
    }
}
