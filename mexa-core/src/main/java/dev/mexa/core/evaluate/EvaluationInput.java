package dev.mexa.core.evaluate;

import dev.mexa.core.MexaLog;
import dev.mexa.core.embedding.EmbeddingSource;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Where an evaluation's sentence embeddings come from: a model run over a corpus ({@link ModelRunInput}) or
 * embeddings recorded earlier ({@link EmbeddingsInput}). Inputs are values: equal inputs are equal keys, so a front
 * end can share one opened source between evaluations of the same input.
 */
public sealed interface EvaluationInput permits ModelRunInput, EmbeddingsInput {

    /** @return what the input is, for log lines: its directories */
    String description();

    /**
     * @return each directory the input reads, with the setting that names it ({@code model}, {@code corpus},
     *     {@code embeddings}), in the order they are read
     */
    List<Map.Entry<String, Path>> inputDirectories();

    /**
     * Opens the input: reads and checks the corpus and the checkpoint's configuration, or the embeddings' headers.
     * A model's weights are loaded by the first {@link EmbeddingSource#embed} call, after every rule is checked.
     *
     * @param log progress lines and warnings
     * @return the source, owned by the caller
     * @throws dev.mexa.core.MexaException naming the file at fault
     */
    EmbeddingSource open(MexaLog log);
}
