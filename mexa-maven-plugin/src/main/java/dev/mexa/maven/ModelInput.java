package dev.mexa.maven;

import dev.mexa.core.MexaException;
import dev.mexa.core.embedding.EmbeddingMethod;
import dev.mexa.core.runtime.ComputeDevice;
import dev.mexa.core.runtime.ComputeType;
import dev.mexa.core.runtime.ModelSettings;
import java.io.File;

/**
 * The goal's model parameters ({@code model}, {@code corpus}, {@code sentences}, {@code embedding}, {@code device},
 * {@code dtype}, {@code batchSize}, {@code exportEmbeddings}, {@code cache}) checked and mapped onto
 * {@link ModelSettings}, with errors that name the parameter.
 *
 * @param model the checkpoint directory
 * @param corpus the corpus directory, or null
 * @param sentences sentences per language
 * @param embedding the embedding method id
 * @param device the device id
 * @param dtype the dtype id
 * @param batchSize sentences per batch
 * @param exportEmbeddings where to export embeddings, or null
 * @param cache whether embeddings may be cached
 */
record ModelInput(File model, File corpus, int sentences, String embedding, String device, String dtype,
        int batchSize, File exportEmbeddings, boolean cache) {

    /**
     * @return the runtime settings
     * @throws MexaException naming the parameter when corpus is missing or a value is invalid
     */
    ModelSettings settings() {
        if (corpus == null) {
            throw new MexaException("model is set but corpus is not: set corpus (mexa.corpus) to a directory of"
                    + " line-aligned <lang>.devtest, .dev or .txt files.");
        }
        requirePositive(sentences, "sentences (mexa.sentences)");
        requirePositive(batchSize, "batchSize (mexa.batchSize)");
        return new ModelSettings(model.toPath(), corpus.toPath(), sentences,
                EmbeddingMethod.parseForModel(embedding), ComputeDevice.parse(device),
                ComputeType.parse(dtype), batchSize, exportEmbeddings == null ? null : exportEmbeddings.toPath(),
                cache);
    }

    private static void requirePositive(int value, String parameter) {
        if (value < 1) {
            throw new MexaException("Invalid " + parameter + " " + value + ": it must be at least 1.");
        }
    }
}
