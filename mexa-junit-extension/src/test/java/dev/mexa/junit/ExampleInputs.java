package dev.mexa.junit;

import dev.mexa.core.example.ExampleProject;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Generates the inputs the example test classes name, under the module's {@code target/testkit/}: embeddings with
 * known scores (deu_Latn 0.720, fra_Latn 0.515, swh_Latn 0.065, wol_Latn 0.010) and a tiny checkpoint with its corpus.
 */
final class ExampleInputs {

    /** Embeddings directory, relative to the project directory. */
    static final String EMBEDDINGS = "target/testkit/embeddings";
    /** Checkpoint directory, relative to the project directory. */
    static final String MODEL = "target/testkit/model";
    /** Corpus directory, relative to the project directory. */
    static final String CORPUS = "target/testkit/corpus";
    /** A directory that is never created. */
    static final String ABSENT = "target/testkit/absent";
    /** Sentences per language in the corpus. */
    static final int SENTENCES = 40;

    private static final ExampleProject PROJECT = new ExampleProject(ExampleProject.DEFAULT_ALIGNMENT, 42);

    private ExampleInputs() {
    }

    /** Writes the embeddings unless they exist. */
    static synchronized void embeddings() {
        Path directory = ProjectDirectory.resolve(EMBEDDINGS);
        if (!Files.isDirectory(directory)) {
            PROJECT.writeEmbeddings(directory, 5, SENTENCES, 16);
        }
    }

    /** Writes the checkpoint and the corpus unless they exist. */
    static synchronized void modelAndCorpus() {
        Path model = ProjectDirectory.resolve(MODEL);
        if (!Files.isDirectory(model)) {
            PROJECT.writeModel(model);
        }
        Path corpus = ProjectDirectory.resolve(CORPUS);
        if (!Files.isDirectory(corpus)) {
            PROJECT.writeCorpus(corpus, SENTENCES);
        }
    }
}
