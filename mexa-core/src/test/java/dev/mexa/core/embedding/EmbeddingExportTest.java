package dev.mexa.core.embedding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.mexa.core.MexaException;
import dev.mexa.core.corpus.Shard;
import dev.mexa.core.io.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddingExportTest {

    private static final ExportOrigin ORIGIN = new ExportOrigin("sha256:0", "float32", "cpu", Shard.WHOLE);

    @TempDir
    Path dir;

    private void export(EmbeddingExport export, String... languages) {
        try (NDManager manager = NDManager.newBaseManager()) {
            for (String language : languages) {
                export.write(language, manager.ones(new Shape(1, 2, 3)), EmbeddingMethod.WEIGHTED_AVERAGE);
            }
        }
    }

    @Test
    void aCompleteExportImports() {
        EmbeddingExport export = new EmbeddingExport(dir, ORIGIN);
        export(export, "eng_Latn", "deu_Latn");
        export.complete();
        try (ImportedEmbeddings imported = new ImportedEmbeddings(dir)) {
            assertThat(imported.languages()).containsExactly("deu_Latn", "eng_Latn");
        }
    }

    @Test
    void theMarkerRecordsTheOriginAndTheShard() throws IOException {
        ExportOrigin origin = new ExportOrigin("sha256:ab", "float16", "gpu", new Shard(2, 3));
        EmbeddingExport export = new EmbeddingExport(dir, origin);
        export(export, "eng_Latn");
        export.complete();

        assertThat(Files.readString(dir.resolve(EmbeddingExport.MARKER))).contains("\"model\":\"sha256:ab\"",
                "\"dtype\":\"float16\"", "\"device\":\"gpu\"", "\"shard\":\"2/3\"");
        try (ImportedEmbeddings imported = new ImportedEmbeddings(dir)) {
            assertThat(imported.origin()).contains(origin);
        }
    }

    @Test
    void aMarkerWithoutOriginImportsWithoutOne() {
        export(new EmbeddingExport(dir, ORIGIN), "eng_Latn");
        AtomicFiles.write(dir.resolve(EmbeddingExport.MARKER), "{\"format\": \"mexa-embeddings-export/1\","
                + " \"complete\": true, \"languages\": [\"eng_Latn\"]}");
        try (ImportedEmbeddings imported = new ImportedEmbeddings(dir)) {
            assertThat(imported.origin()).isEmpty();
        }
    }

    @Test
    void aMalformedOriginNamesTheMarker() {
        export(new EmbeddingExport(dir, ORIGIN), "eng_Latn");
        Path marker = dir.resolve(EmbeddingExport.MARKER);
        AtomicFiles.write(marker, "{\"complete\": true, \"languages\": [\"eng_Latn\"], \"model\": \"sha256:0\","
                + " \"dtype\": \"float32\", \"device\": \"cpu\", \"shard\": \"3/2\"}");
        assertThatThrownBy(() -> new ImportedEmbeddings(dir)).isInstanceOf(MexaException.class)
                .hasMessage("Export marker " + marker + " records shard '3/2', which is not K/N. Re-run the export"
                        + " (mexa.exportEmbeddings) to the end, or delete the directory.");
        AtomicFiles.write(marker, "{\"complete\": true, \"languages\": [\"eng_Latn\"], \"model\": \"sha256:0\"}");
        assertThatThrownBy(() -> new ImportedEmbeddings(dir)).isInstanceOf(MexaException.class)
                .hasMessageStartingWith("Export marker " + marker + " lacks 'shard' beside 'model'.");
    }

    /** The finding: an interrupted export (93 of 204 languages) imported later without a word. */
    @Test
    void anUnfinishedExportIsAClearError() {
        export(new EmbeddingExport(dir, ORIGIN), "eng_Latn", "deu_Latn");
        assertThatThrownBy(() -> new ImportedEmbeddings(dir)).isInstanceOf(MexaException.class)
                .hasMessage("Embeddings directory " + dir + " holds an unfinished export (2 languages were written"
                        + " when it stopped). Re-run the export (mexa.exportEmbeddings) to the end, or delete the"
                        + " directory.");
    }

    @Test
    void reExportingOverACompleteExportMarksItUnfinishedUntilDone() {
        EmbeddingExport first = new EmbeddingExport(dir, ORIGIN);
        export(first, "eng_Latn", "deu_Latn");
        first.complete();
        export(new EmbeddingExport(dir, ORIGIN), "eng_Latn");
        assertThatThrownBy(() -> new ImportedEmbeddings(dir)).isInstanceOf(MexaException.class)
                .hasMessageContaining("holds an unfinished export");
    }

    @Test
    void filesThatDoNotMatchTheMarkerAreNamed() throws IOException {
        EmbeddingExport export = new EmbeddingExport(dir, ORIGIN);
        export(export, "eng_Latn", "deu_Latn");
        export.complete();
        Files.copy(dir.resolve("deu_Latn.safetensors"), dir.resolve("fra_Latn.safetensors"));
        Files.delete(dir.resolve("deu_Latn.safetensors"));
        assertThatThrownBy(() -> new ImportedEmbeddings(dir)).isInstanceOf(MexaException.class)
                .hasMessageContaining("does not match its export marker: files missing for deu_Latn: files not"
                        + " part of the export for fra_Latn.");
    }

    @Test
    void aBrokenMarkerIsAClearError() {
        export(new EmbeddingExport(dir, ORIGIN), "eng_Latn");
        AtomicFiles.write(dir.resolve(EmbeddingExport.MARKER), "{\"complete\": true, \"complete\": false}");
        assertThatThrownBy(() -> new ImportedEmbeddings(dir)).isInstanceOf(MexaException.class)
                .hasMessageStartingWith("Export marker " + dir.resolve(EmbeddingExport.MARKER) + " is not valid JSON"
                        + " at line 1, column 20: duplicate key \"complete\"");
    }

    /** The finding: a 240-character language name broke the temporary file name of the atomic write. */
    @Test
    void longFileNamesStillWriteAtomically() throws IOException {
        Path target = dir.resolve("a".repeat(240) + ".safetensors");
        AtomicFiles.write(target, "x");
        assertThat(Files.readString(target)).isEqualTo("x");
        try (var listing = Files.list(dir)) {
            assertThat(listing).containsExactly(target);
        }
    }
}
