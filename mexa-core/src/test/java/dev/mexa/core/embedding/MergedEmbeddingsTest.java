package dev.mexa.core.embedding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDManager;
import dev.mexa.core.MexaException;
import dev.mexa.core.corpus.Shard;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Several embeddings directories as one source: the union of languages, everything checked when opened. */
class MergedEmbeddingsTest {

    private static final long[] SHAPE = {2, 3, 4};

    @TempDir
    Path temp;

    private static float[] values(float seed) {
        float[] values = new float[24];
        for (int i = 0; i < values.length; i++) {
            values[i] = seed + i;
        }
        return values;
    }

    private static ExportOrigin origin(String model, Shard shard) {
        return new ExportOrigin(model, "float32", "cpu", shard);
    }

    /** Writes an export as {@code mexa.exportEmbeddings} does: every language, then the complete marker. */
    private Path export(String name, ExportOrigin origin, String... languages) {
        Path directory = temp.resolve(name);
        EmbeddingExport export = new EmbeddingExport(directory, origin);
        try (NDManager manager = NDManager.newBaseManager()) {
            for (String language : languages) {
                float seed = language.equals("eng_Latn") ? 0 : language.hashCode() % 100;
                export.write(language, manager.create(values(seed), new ai.djl.ndarray.types.Shape(SHAPE)),
                        EmbeddingMethod.WEIGHTED_AVERAGE);
            }
        }
        export.complete();
        return directory;
    }

    private Path shard(int index, int count, String... languages) {
        return export("shard-" + index + "-of-" + count, origin("sha256:a", new Shard(index, count)), languages);
    }

    @Test
    void scoresTheUnionAndAcceptsEqualCopiesOfThePivot() {
        Path first = shard(1, 2, "eng_Latn", "deu_Latn");
        Path second = shard(2, 2, "eng_Latn", "fra_Latn");
        try (EmbeddingSource merged = MergedEmbeddings.open(List.of(first, second));
                NDManager manager = NDManager.newBaseManager()) {
            assertThat(merged.languages()).containsExactly("deu_Latn", "eng_Latn", "fra_Latn");
            assertThat(merged.method()).isEqualTo(EmbeddingMethod.WEIGHTED_AVERAGE);
            assertThat(merged.description()).isEqualTo(first + ", " + second);
            assertThat(merged.embed("fra_Latn", manager).toFloatArray()).containsExactly(values("fra_Latn".hashCode()
                    % 100));
        }
    }

    @Test
    void oneDirectoryIsReadAsItIs() {
        Path whole = export("whole", origin("sha256:a", Shard.WHOLE), "eng_Latn", "deu_Latn");
        try (EmbeddingSource source = MergedEmbeddings.open(List.of(whole))) {
            assertThat(source).isInstanceOf(ImportedEmbeddings.class);
            assertThat(((ImportedEmbeddings) source).origin()).contains(origin("sha256:a", Shard.WHOLE));
        }
    }

    @Test
    void aLanguageWithDifferentDataInTwoDirectoriesNamesBothFiles() {
        Path first = export("first", origin("sha256:a", Shard.WHOLE), "eng_Latn", "deu_Latn");
        Path other = temp.resolve("other");
        EmbeddingFiles.write(other, "eng_Latn", SHAPE, values(1), EmbeddingMethod.WEIGHTED_AVERAGE);
        EmbeddingFiles.write(other, "fra_Latn", SHAPE, values(2), EmbeddingMethod.WEIGHTED_AVERAGE);

        assertThatThrownBy(() -> MergedEmbeddings.open(List.of(first, other))).isInstanceOf(MexaException.class)
                .hasMessage("The embeddings of eng_Latn differ between " + first.resolve("eng_Latn.safetensors")
                        + " and " + other.resolve("eng_Latn.safetensors") + ": a language in several embeddings"
                        + " directories must hold the same embeddings in each (every shard embeds the pivot: run the"
                        + " shards with the same model, settings and kind of device), or remove one of the files.");
    }

    @Test
    void directoriesMadeDifferentlyAreNamed() {
        Path first = export("a", origin("sha256:a", Shard.WHOLE), "eng_Latn", "deu_Latn");
        Path otherModel = export("b", origin("sha256:b", Shard.WHOLE), "eng_Latn", "fra_Latn");
        assertThatThrownBy(() -> MergedEmbeddings.open(List.of(first, otherModel))).isInstanceOf(MexaException.class)
                .hasMessage("Embeddings directories " + first + " and " + otherModel + " were made with different"
                        + " model (sha256:a and sha256:b): merge only the exports of one run's shards, made with one"
                        + " model and the same settings.");

        Path otherDtype = export("c", new ExportOrigin("sha256:a", "float16", "cpu", Shard.WHOLE), "fra_Latn");
        assertThatThrownBy(() -> MergedEmbeddings.open(List.of(first, otherDtype)))
                .hasMessageContaining("were made with different dtype (float32 and float16)");

        Path lastToken = temp.resolve("d");
        EmbeddingFiles.write(lastToken, "fra_Latn", SHAPE, values(2), EmbeddingMethod.LAST_TOKEN);
        assertThatThrownBy(() -> MergedEmbeddings.open(List.of(first, lastToken)))
                .hasMessage("Embeddings directories " + first + " and " + lastToken + " were made with different"
                        + " embedding method (weighted-average and last-token): merge only the exports of one run's"
                        + " shards, made with one model and the same settings.");

        Path wider = temp.resolve("e");
        EmbeddingFiles.write(wider, "fra_Latn", new long[] {2, 3, 8}, new float[48], EmbeddingMethod.WEIGHTED_AVERAGE);
        assertThatThrownBy(() -> MergedEmbeddings.open(List.of(first, wider)))
                .hasMessageContaining("were made with different layers and width (2 layers of 4 and 2 layers of 8)");
    }

    @Test
    void everyShardOfTheRunMustBeThereOnce() {
        Path first = shard(1, 3, "eng_Latn", "deu_Latn");
        Path third = shard(3, 3, "eng_Latn", "swh_Latn");
        assertThatThrownBy(() -> MergedEmbeddings.open(List.of(first, third))).isInstanceOf(MexaException.class)
                .hasMessage("embeddings (mexa.embeddings) holds shards 1/3, 3/3 of a run split in 3, without shard"
                        + " 2/3: add the export directory of every shard's job.");
        assertThatThrownBy(() -> MergedEmbeddings.open(List.of(third)))
                .hasMessage("embeddings (mexa.embeddings) holds shard 3/3 of a run split in 3, without shards 1/3,"
                        + " 2/3: add the export directory of every shard's job.");

        Path again = export("again", origin("sha256:a", new Shard(1, 3)), "eng_Latn", "deu_Latn");
        assertThatThrownBy(() -> MergedEmbeddings.open(List.of(first, again)))
                .hasMessage("Embeddings directories " + first + " and " + again + " both hold shard 1/3: set"
                        + " embeddings (mexa.embeddings) to each shard's export once.");

        Path otherSplit = shard(2, 2, "eng_Latn", "fra_Latn");
        assertThatThrownBy(() -> MergedEmbeddings.open(List.of(first, otherSplit)))
                .hasMessage("Embeddings directories " + first + " (shard 1/3) and " + otherSplit + " (shard 2/2) come"
                        + " from runs split differently: merge only the exports of one run's shards, made with one"
                        + " model and the same settings.");
    }
}
