package dev.mexa.junit;

import dev.mexa.core.MexaLog;
import dev.mexa.core.embedding.EmbeddingSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where a {@link MexaEvaluation} takes its embeddings from, normalized so that equal inputs are equal keys: the
 * root store holds one {@link SharedSource} per input.
 */
sealed interface EmbeddingInput permits ModelInput, ImportedInput {

    /** @return what the input is, for log lines: its directories */
    String description();

    /**
     * @return why the input cannot be used (a directory that does not exist), or empty when it is there
     */
    Optional<String> missing();

    /**
     * Loads the model or opens the embeddings.
     *
     * @param log progress lines
     * @return the source, owned by the caller
     */
    EmbeddingSource open(MexaLog log);

    /**
     * @param directory an input directory
     * @param attribute the {@link MexaEvaluation} attribute that names it
     * @return why it cannot be used, or empty when it is a directory
     */
    static Optional<String> absent(Path directory, String attribute) {
        return Files.isDirectory(directory) ? Optional.empty()
                : Optional.of("The " + attribute + " directory " + directory + " (@MexaEvaluation(" + attribute
                        + ")) does not exist");
    }
}
