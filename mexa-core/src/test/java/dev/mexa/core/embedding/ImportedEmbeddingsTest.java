package dev.mexa.core.embedding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.mexa.core.MexaException;
import dev.mexa.core.safetensors.DType;
import dev.mexa.core.safetensors.SafetensorsWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImportedEmbeddingsTest {

    @TempDir
    Path dir;

    @Test
    void readsF32F16AndBf16() {
        float[] values = {1, 2, 3, 4, 5, 6};
        for (DType dtype : new DType[] {DType.F32, DType.F16, DType.BF16}) {
            new SafetensorsWriter().add("embeddings", dtype, new long[] {1, 2, 3}, values)
                    .write(dir.resolve(dtype.name().toLowerCase() + ".safetensors"));
        }
        try (ImportedEmbeddings source = new ImportedEmbeddings(dir); NDManager manager = NDManager.newBaseManager()) {
            assertThat(source.languages()).containsExactly("bf16", "f16", "f32");
            assertThat(source.method()).isEqualTo(EmbeddingMethod.IMPORTED);
            for (String language : source.languages()) {
                NDArray array = source.embed(language, manager);
                assertThat(array.getShape().getShape()).containsExactly(1, 2, 3);
                assertThat(array.toFloatArray()).containsExactly(values);
            }
        }
    }

    @Test
    void recordsTheMethodOfExportedFiles() {
        EmbeddingFiles.write(dir, "eng_Latn", new long[] {1, 1, 2}, new float[] {1, 2}, EmbeddingMethod.LAST_TOKEN);
        try (ImportedEmbeddings source = new ImportedEmbeddings(dir)) {
            assertThat(source.method()).isEqualTo(EmbeddingMethod.LAST_TOKEN);
        }
    }

    @Test
    void filesMadeWithDifferentMethodsAreRejected() {
        EmbeddingFiles.write(dir, "eng_Latn", new long[] {1, 1, 2}, new float[] {1, 2}, EmbeddingMethod.LAST_TOKEN);
        EmbeddingFiles.write(dir, "deu_Latn", new long[] {1, 1, 2}, new float[] {1, 2},
                EmbeddingMethod.WEIGHTED_AVERAGE);
        assertThatThrownBy(() -> new ImportedEmbeddings(dir)).isInstanceOf(MexaException.class)
                .hasMessageContaining("were made with 'weighted-average'").hasMessageContaining("with 'last-token'");
    }

    @Test
    void missingDirectory() {
        Path missing = dir.resolve("none");
        assertThatThrownBy(() -> new ImportedEmbeddings(missing)).isInstanceOf(MexaException.class)
                .hasMessageContaining(missing.toString()).hasMessageContaining("mexa.embeddings");
    }

    @Test
    void emptyDirectory() {
        assertThatThrownBy(() -> new ImportedEmbeddings(dir)).isInstanceOf(MexaException.class)
                .hasMessageContaining("holds no <lang>.safetensors file");
    }

    @Test
    void wrongRankNamesTheFileWhenOpened() {
        new SafetensorsWriter().add("embeddings", DType.F32, new long[] {2, 3}, new float[6])
                .write(dir.resolve("deu_Latn.safetensors"));
        assertThatThrownBy(() -> new ImportedEmbeddings(dir)).isInstanceOf(MexaException.class)
                .hasMessageContaining(dir.resolve("deu_Latn.safetensors").toString())
                .hasMessageContaining("[2, 3]");
    }

    @Test
    void wrongTensorNameWhenOpened() {
        new SafetensorsWriter().add("hidden", DType.F32, new long[] {1, 1, 1}, new float[1])
                .write(dir.resolve("deu_Latn.safetensors"));
        assertThatThrownBy(() -> new ImportedEmbeddings(dir)).isInstanceOf(MexaException.class)
                .hasMessageContaining("has no tensor 'embeddings'");
    }

    @Test
    void sentencesAreReadFromTheHeaders() {
        EmbeddingFiles.write(dir, "eng_Latn", new long[] {1, 3, 1}, new float[3], EmbeddingMethod.LAST_TOKEN);
        EmbeddingFiles.write(dir, "deu_Latn", new long[] {1, 2, 1}, new float[2], EmbeddingMethod.LAST_TOKEN);
        try (ImportedEmbeddings source = new ImportedEmbeddings(dir)) {
            assertThat(source.sentences("eng_Latn")).isEqualTo(3);
            assertThat(source.sentences("deu_Latn")).isEqualTo(2);
        }
    }

    @Test
    void corruptFileFailsBeforeAnythingIsScored() throws IOException {
        EmbeddingFiles.write(dir, "eng_Latn", new long[] {1, 1, 2}, new float[] {1, 2}, EmbeddingMethod.LAST_TOKEN);
        Files.write(dir.resolve("fra_Latn.safetensors"), new byte[] {9, 9, 9, 9, 9, 9, 9, 9, 9});
        assertThatThrownBy(() -> new ImportedEmbeddings(dir)).isInstanceOf(MexaException.class)
                .hasMessageStartingWith("Malformed safetensors file " + dir.resolve("fra_Latn.safetensors"));
    }
}
