package dev.mexa.core.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mexa.core.safetensors.DType;
import dev.mexa.core.safetensors.SafetensorsFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The float64 {@link OlmoPhiReference} itself against HuggingFace's own per-token hidden states of the shared
 * HF-reference fixtures, so that the generated-checkpoint tests compare the runtime with a reference that is known
 * to compute what transformers computes.
 */
class OlmoPhiReferenceTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"olmo", "olmo2", "phi3", "phi3-partial", "phi3-longrope"})
    void referenceGivesTransformersHiddenStates(String name) throws IOException {
        Path fixture = SharedMaterial.require("models/hf-reference/" + name);
        Map<String, float[]> weights = new LinkedHashMap<>();
        DType dtype;
        try (SafetensorsFile file = SafetensorsFile.open(fixture.resolve("model.safetensors"))) {
            file.tensors().keySet().forEach(tensor -> weights.put(tensor, file.readFloats(tensor)));
            dtype = file.info("model.embed_tokens.weight").dtype();
        }
        OlmoPhiModel model = OlmoPhiModel.fromConfig(SharedMaterial.json(fixture.resolve("config.json")), dtype);
        OlmoPhiReference reference = new OlmoPhiReference(model, weights);
        List<String> sentences = Files.readAllLines(fixture.resolve("corpus/eng_Latn.devtest"));
        try (SentenceTokenizer tokenizer = new SentenceTokenizer(fixture);
                SafetensorsFile expected = SafetensorsFile.open(
                        fixture.resolve("reference/hidden_states.safetensors"))) {
            for (int s = 0; s < 3; s++) {
                long[] ids = tokenizer.encode(sentences.get(s));
                double[][][] states = reference.hiddenStates(Arrays.stream(ids).mapToInt(id -> (int) id)
                        .toArray());
                float[] hf = expected.readFloats("s" + s);
                int perLayer = hf.length / states.length;
                for (int layer = 0; layer < states.length; layer++) {
                    float[] slice = Arrays.copyOfRange(hf, layer * perLayer, (layer + 1) * perLayer);
                    assertThat(Differences.relative(slice, Differences.flatten(states[layer])))
                            .as("%s sentence %d hidden state %d", name, s, layer).isLessThan(1e-6);
                }
            }
        }
    }
}
