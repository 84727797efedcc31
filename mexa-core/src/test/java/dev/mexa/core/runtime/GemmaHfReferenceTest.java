package dev.mexa.core.runtime;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The Gemma family against every HF-reference case that exists for it (see {@link HfReference}). */
class GemmaHfReferenceTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"gemma", "gemma2", "gemma3_text"})
    void matchesHuggingFace(String name) {
        System.out.println(HfReference.check(name));
    }
}
