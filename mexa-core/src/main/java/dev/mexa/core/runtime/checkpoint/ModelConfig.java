package dev.mexa.core.runtime.checkpoint;

import java.nio.file.Path;

/**
 * What every consumer of a decoder needs to know about it, whatever its family: where its configuration came
 * from, its vocabulary, width, depth and the longest input it can take. Each family reads the rest of
 * {@code config.json} itself.
 *
 * @param file the {@code config.json} it was read from
 * @param modelType the {@code model_type} in that file
 * @param vocabSize rows of the token embedding; token ids must lie below it
 * @param hidden the width of every hidden state
 * @param layers decoder layers; a forward pass yields {@code layers + 1} hidden states
 * @param tokenLimit the most tokens one sentence may have (learned positions end there), or
 *     {@link Integer#MAX_VALUE} when positions are computed (rotary) and any length runs
 */
public record ModelConfig(Path file, String modelType, int vocabSize, int hidden, int layers, int tokenLimit) {

    /** The file name of a checkpoint's configuration. */
    public static final String FILE_NAME = "config.json";
}
