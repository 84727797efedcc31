package dev.mexa.core.runtime;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every HF-reference case of the implemented families, one line per case (see {@link HfReference}). */
class HfReferenceTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"llama-rope-linear", "llama-rope-dynamic", "llama-rope-yarn", "qwen2-swoff", "qwen3",
            "olmo", "olmo2", "phi3", "phi3-partial", "phi3-longrope"})
    void matchesHuggingFace(String name) {
        System.out.println(HfReference.check(name));
    }
}
