package dev.mexa.core.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mexa.core.safetensors.DType;
import dev.mexa.core.safetensors.SafetensorsFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The float64 {@link GemmaReference} itself against HuggingFace's per-token hidden states of the
 * {@code ../shared/models/hf-reference} Gemma cases, so that the generated-checkpoint tests check the runtime
 * against a reference that is known to compute what HF computes.
 */
class GemmaReferenceTest {

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("gemma", new TinyGemma("gemma", 241, 48, 3, 4, 1, 16, 96, 10000, 0, 0, 0, 0, 0, 0, false,
                        true, DType.F32, 0)),
                Arguments.of("gemma2", new TinyGemma("gemma2", 241, 48, 3, 4, 2, 16, 96, 10000, 0, 0, 5, 0, 5.0, 24,
                        false, true, DType.BF16, 0)),
                Arguments.of("gemma3_text", new TinyGemma("gemma3_text", 241, 48, 3, 4, 2, 16, 96, 1e6, 10000, 8, 5,
                        3, 0, 20, false, true, DType.F32, 0)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void float64ReferenceGivesHuggingFacesHiddenStates(String name, TinyGemma shape) throws IOException {
        Path directory = SharedMaterial.require("models/hf-reference/" + name);
        Map<String, float[]> weights = new HashMap<>();
        try (SafetensorsFile file = SafetensorsFile.open(directory.resolve("model.safetensors"))) {
            file.tensors().keySet().forEach(tensor -> weights.put(tensor, file.readFloats(tensor)));
        }
        GemmaReference reference = new GemmaReference(shape, weights);
        List<String> sentences = Files.readAllLines(directory.resolve("corpus/eng_Latn.devtest"));
        try (SentenceTokenizer tokenizer = new SentenceTokenizer(directory);
                SafetensorsFile expected = SafetensorsFile.open(directory.resolve(
                        "reference/hidden_states.safetensors"))) {
            for (int s = 0; s < 3; s++) {
                long[] ids = tokenizer.encode(sentences.get(s).strip());
                int[] tokens = java.util.Arrays.stream(ids).mapToInt(id -> (int) id).toArray();
                double[][][] states = reference.hiddenStates(tokens);
                float[] hf = expected.readFloats("s" + s);
                int perLayer = tokens.length * shape.hidden();
                assertThat(hf).as("s%d has %d tokens", s, tokens.length).hasSize(states.length * perLayer);
                for (int layer = 0; layer < states.length; layer++) {
                    float[] hfLayer = java.util.Arrays.copyOfRange(hf, layer * perLayer, (layer + 1) * perLayer);
                    assertThat(Differences.relative(hfLayer, Differences.flatten(states[layer])))
                            .as("%s s%d hidden state %d", name, s, layer).isLessThan(1e-5);
                }
            }
        }
    }
}
