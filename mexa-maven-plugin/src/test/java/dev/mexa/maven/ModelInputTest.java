package dev.mexa.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mexa.core.MexaException;
import dev.mexa.core.embedding.EmbeddingMethod;
import dev.mexa.core.runtime.ComputeDevice;
import dev.mexa.core.runtime.ComputeType;
import dev.mexa.core.runtime.ModelSettings;
import java.io.File;
import org.junit.jupiter.api.Test;

class ModelInputTest {

    private static final File MODEL = new File("model");
    private static final File CORPUS = new File("corpus");

    private static ModelInput input(String embedding, String device, String dtype, int sentences, int batchSize) {
        return new ModelInput(MODEL, CORPUS, sentences, embedding, device, dtype, batchSize, null, true);
    }

    @Test
    void mapsEveryParameterOntoTheRuntimeSettings() {
        ModelSettings settings = new ModelInput(MODEL, CORPUS, 50, "last-token", "cpu", "float16", 4,
                new File("export"), false).settings();

        assertThat(settings).isEqualTo(new ModelSettings(MODEL.toPath(), CORPUS.toPath(), 50,
                EmbeddingMethod.LAST_TOKEN, ComputeDevice.CPU, ComputeType.FLOAT16, 4, new File("export").toPath(),
                false));
    }

    @Test
    void theGoalsDefaultsAreThePapersDefaults() {
        EvaluateMojo mojo = MojoDefaults.evaluateMojo(new RecordingLog());
        mojo.model = MODEL;
        mojo.corpus = CORPUS;

        assertThat(mojo.modelInput().settings()).isEqualTo(ModelSettings.defaults(MODEL.toPath(), CORPUS.toPath()));
    }

    @Test
    void rejectsAnUnknownOrImportedEmbeddingMethod() {
        assertThatThrownBy(() -> input("mean", "auto", "auto", 100, 8).settings()).isInstanceOf(MexaException.class)
                .hasMessage("Unknown embedding method 'mean': use 'weighted-average' or 'last-token'.");
        assertThatThrownBy(() -> input("imported", "auto", "auto", 100, 8).settings())
                .hasMessageStartingWith("Unknown embedding method 'imported'");
    }

    @Test
    void namesDeviceAndDtype() {
        assertThatThrownBy(() -> input("last-token", "tpu", "auto", 100, 8).settings())
                .hasMessageContaining("(mexa.device)");
        assertThatThrownBy(() -> input("last-token", "auto", "int8", 100, 8).settings())
                .hasMessageContaining("(mexa.dtype)");
    }

    @Test
    void rejectsNonPositiveCounts() {
        assertThatThrownBy(() -> input("last-token", "auto", "auto", 0, 8).settings())
                .hasMessage("Invalid sentences (mexa.sentences) 0: it must be at least 1.");
        assertThatThrownBy(() -> input("last-token", "auto", "auto", 100, -1).settings())
                .hasMessage("Invalid batchSize (mexa.batchSize) -1: it must be at least 1.");
    }
}
