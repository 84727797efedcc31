package dev.mexa.core.cache;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * Everything one language's sentence embeddings depend on, as {@code name=value} lines in a fixed order: the model's
 * fingerprint, the exact corpus lines, the embedding method, the dtype, the device kind and the version of the
 * forward-pass code. Two keys are equal exactly when their text is; an entry's file is named by the key's SHA-256
 * and holds the full text, so that a digest collision is detected rather than served.
 */
public final class CacheKey {

    private final String text;

    private CacheKey(String text) {
        this.text = text;
    }

    /** @return a builder of {@code name=value} lines */
    public static Builder builder() {
        return new Builder();
    }

    /** The extension of entry files. */
    static final String ENTRY_SUFFIX = ".emb";

    /** @return the canonical text */
    public String text() {
        return text;
    }

    /** @return the entry's file name: the key text's SHA-256 in hex, with the {@code .emb} extension */
    public String fileName() {
        return Digests.sha256Hex(text.getBytes(StandardCharsets.UTF_8)) + ENTRY_SUFFIX;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CacheKey key && key.text.equals(text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }

    @Override
    public String toString() {
        return text;
    }

    /** Adds {@code name=value} lines in the order given. */
    public static final class Builder {

        private final StringBuilder text = new StringBuilder();

        private Builder() {
        }

        /**
         * @param name what the value is (no {@code =} or line break)
         * @param value its value; line breaks are escaped
         * @return this builder
         */
        public Builder add(String name, String value) {
            text.append(name).append('=').append(value.replace("\\", "\\\\").replace("\n", "\\n")).append('\n');
            return this;
        }

        /**
         * @param name what the lines are
         * @param lines exact text, e.g. the corpus sentences used; kept as their count and SHA-256
         * @return this builder
         */
        public Builder addLines(String name, List<String> lines) {
            MessageDigest digest = Digests.sha256();
            for (String line : lines) {
                byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
                digest.update(Digests.lengthPrefix(bytes.length));
                digest.update(bytes);
            }
            return add(name, lines.size() + " lines sha256:" + HexFormat.of().formatHex(digest.digest()));
        }

        /** @return the key */
        public CacheKey build() {
            return new CacheKey(text.toString());
        }
    }

    /** SHA-256 helpers shared by the key and the model fingerprint. */
    static final class Digests {

        private Digests() {
        }

        static MessageDigest sha256() {
            try {
                return MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("every Java runtime has SHA-256", e);
            }
        }

        static String sha256Hex(byte[] bytes) {
            return HexFormat.of().formatHex(sha256().digest(bytes));
        }

        static byte[] lengthPrefix(long length) {
            byte[] prefix = new byte[8];
            for (int i = 0; i < 8; i++) {
                prefix[i] = (byte) (length >>> (8 * i));
            }
            return prefix;
        }
    }
}
