package dev.mexa.core.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import dev.mexa.core.MexaException;
import dev.mexa.core.MexaLog;
import dev.mexa.core.cache.ModelFingerprint;
import dev.mexa.core.embedding.EmbeddingMethod;
import dev.mexa.core.runtime.model.DecoderCheckpoint;
import dev.mexa.core.runtime.model.DecoderModel;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * TorchScript exports against the native family: {@code src/test/resources/torchscript} holds a tiny Llama-shaped
 * decoder written in plain torch and traced by {@code src/test/python/make_torchscript_fixture.py} (returning its
 * hidden states as a tuple and as one stacked tensor), and the same weights as a llama checkpoint.
 */
class TorchScriptDecoderTest {

    private static final double TOLERANCE = 1e-5;
    private static final List<String> SENTENCES = List.of("w1 w2 w3 w4 w5 w6 w7", "w3",
            "w9 w8 w7 w6 w5 w4 w3 w2 w1 w0 w11 w12 w29", "w4 w4", "w17 w0 w21 w3 w28");

    @TempDir
    Path temp;

    static Path fixture(String name) {
        try {
            return Path.of(TorchScriptDecoderTest.class.getResource("/torchscript/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"tuple", "stacked"})
    void exportGivesTheHiddenStatesOfTheNativeFamily(String kind) {
        List<long[]> ids = new ArrayList<>();
        try (SentenceTokenizer tokenizer = new SentenceTokenizer(fixture(kind))) {
            SENTENCES.forEach(sentence -> ids.add(tokenizer.encode(sentence)));
        }
        TokenBatch batch = new TokenBatch(new int[] {0, 1, 2, 3, 4}, ids);
        try (DecoderModel expected = load("native");
                DecoderModel export = load(kind);
                NDManager manager = NDManager.newBaseManager(Device.cpu())) {
            assertThat(export.config().layers()).isEqualTo(expected.config().layers());
            assertThat(export.config().hidden()).isEqualTo(expected.config().hidden());
            List<float[][]> nativeStates = states(expected, batch, manager);
            List<float[][]> exportStates = states(export, batch, manager);
            assertThat(exportStates).hasSize(nativeStates.size());
            for (int layer = 0; layer < nativeStates.size(); layer++) {
                for (int row = 0; row < ids.size(); row++) {
                    assertThat(Differences.relative(exportStates.get(layer)[row], nativeStates.get(layer)[row]))
                            .as("sentence %d, hidden state %d", row, layer).isLessThan(TOLERANCE);
                }
            }
        }
    }

    @Test
    void modelDirectoryWithAnExportEvaluatesLikeTheNativeCheckpoint() throws IOException {
        Path corpus = Files.createDirectories(temp.resolve("corpus"));
        Files.write(corpus.resolve("eng_Latn.devtest"), SENTENCES);
        Files.write(corpus.resolve("deu_Latn.devtest"), SENTENCES.stream().map(s -> s.replace("w1", "w2")).toList());
        for (EmbeddingMethod method : List.of(EmbeddingMethod.WEIGHTED_AVERAGE, EmbeddingMethod.LAST_TOKEN)) {
            try (ModelEmbeddings expected = new ModelEmbeddings(settings(fixture("native"), corpus, method),
                    MexaLog.silent());
                    ModelEmbeddings export = new ModelEmbeddings(settings(fixture("stacked"), corpus, method),
                            MexaLog.silent());
                    NDManager manager = NDManager.newBaseManager(Device.cpu())) {
                for (String language : List.of("eng_Latn", "deu_Latn")) {
                    NDArray ours = export.embed(language, manager);
                    NDArray reference = expected.embed(language, manager);
                    assertThat(ours.getShape()).isEqualTo(reference.getShape());
                    assertThat(Differences.relative(ours.toFloatArray(), reference.toFloatArray()))
                            .as("%s %s", method, language).isLessThan(TOLERANCE);
                }
            }
        }
    }

    @Test
    void exportOfTheLastStateOnlyIsRejectedNamingTheFile() {
        Path file = fixture("last-only").resolve("model.pt");
        assertThatThrownBy(() -> load("last-only")).isInstanceOf(MexaException.class)
                .hasMessageContaining(file.toString()).hasMessageContaining("returned [(1, 2, 32)]")
                .hasMessageContaining("every hidden state");
    }

    @Test
    void cacheFingerprintFollowsTheExport() throws IOException {
        Path directory = Files.createDirectories(temp.resolve("export"));
        Files.copy(fixture("tuple").resolve("tokenizer.json"), directory.resolve("tokenizer.json"));
        Files.copy(fixture("tuple").resolve("model.pt"), directory.resolve("model.pt"));
        String tuple = ModelFingerprint.of(directory);
        Files.copy(fixture("stacked").resolve("model.pt"), directory.resolve("model.pt"),
                StandardCopyOption.REPLACE_EXISTING);
        assertThat(ModelFingerprint.of(directory)).isNotEqualTo(tuple);
    }

    @Test
    void fileThatIsNoTorchScriptIsRejectedNamingIt() throws IOException {
        Path directory = Files.createDirectories(temp.resolve("broken"));
        Files.writeString(directory.resolve("model.pt"), "not a TorchScript archive");
        assertThatThrownBy(() -> DecoderCheckpoint.read(directory).load(Device.cpu(), DataType.FLOAT32))
                .isInstanceOf(MexaException.class).hasMessageContaining(directory.resolve("model.pt").toString())
                .hasMessageContaining("torch.jit.trace");
    }

    private static DecoderModel load(String name) {
        return DecoderCheckpoint.read(fixture(name)).load(Device.cpu(), DataType.FLOAT32);
    }

    private static ModelSettings settings(Path model, Path corpus, EmbeddingMethod method) {
        return ModelSettings.builder().model(model).corpus(corpus).sentences(SENTENCES.size()).method(method)
                .device(ComputeDevice.CPU).batchSize(2).build();
    }

    private static List<float[][]> states(DecoderModel model, TokenBatch batch, NDManager manager) {
        List<float[][]> states = new ArrayList<>();
        model.forward(batch.ids(manager), batch.mask(manager), (state, layer) -> {
            float[][] rows = new float[batch.tokens().size()][];
            for (int row = 0; row < rows.length; row++) {
                rows[row] = state.get(new NDIndex("{}, :{}", row, batch.tokens().get(row).length)).toFloatArray();
            }
            states.add(rows);
        });
        return states;
    }
}
