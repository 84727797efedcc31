package dev.mexa.core.runtime;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import dev.mexa.core.MexaException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * A checkpoint's own {@code tokenizer.json}, run by DJL's HuggingFace tokenizers binding with the special tokens the
 * tokenizer adds by default (its post-processor, e.g. Llama's {@code <s>}), without truncation or padding.
 */
public final class SentenceTokenizer implements AutoCloseable {

    /** The tokenizer file name in a checkpoint directory. */
    public static final String FILE_NAME = "tokenizer.json";

    private final HuggingFaceTokenizer tokenizer;
    private final Path file;

    /**
     * @param checkpoint a checkpoint directory holding {@code tokenizer.json}
     * @throws MexaException naming the file when it is missing or unreadable
     */
    public SentenceTokenizer(Path checkpoint) {
        this.file = checkpoint.resolve(FILE_NAME);
        if (!Files.isRegularFile(file)) {
            throw new MexaException("Model directory " + checkpoint + " has no " + FILE_NAME + ": download the"
                    + " checkpoint's fast tokenizer file (tokenizer.model alone is not read).");
        }
        TokenizerFileCheck.check(file);
        try {
            this.tokenizer = HuggingFaceTokenizer.newInstance(file, Map.of("addSpecialTokens", "true",
                    "truncation", "false", "padding", "false", "modelMaxLength", String.valueOf(Integer.MAX_VALUE)));
        } catch (IOException | RuntimeException e) {
            throw new MexaException("Cannot load tokenizer " + file + ": " + e.getMessage()
                    + ". Re-download the checkpoint's tokenizer.json.", e);
        }
    }

    /**
     * @param sentence one sentence
     * @return its token ids, with the special tokens the tokenizer adds by default
     * @throws MexaException naming the tokenizer file when the tokenizer cannot encode
     */
    public long[] encode(String sentence) {
        try {
            Encoding encoding = tokenizer.encode(sentence, true, false);
            return encoding.getIds();
        } catch (RuntimeException e) {
            // the native tokenizer reports a broken tokenizer.json (an unknown token missing from the vocabulary,
            // say) only when it first encodes
            throw new MexaException("Tokenizer " + file + " cannot encode a sentence: " + e.getMessage()
                    + ". Re-download the checkpoint's tokenizer.json.", e);
        }
    }

    /** @return the tokenizer file */
    public Path file() {
        return file;
    }

    @Override
    public void close() {
        tokenizer.close();
    }
}
