package dev.mexa.junit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.Events;

/**
 * Misuse fails fast with an {@link ExtensionConfigurationException} naming the attribute at fault; unusable input
 * fails with mexa-core's message.
 */
class MisuseTest {

    private static final String EMPTY = "target/testkit/empty";

    @BeforeAll
    static void writeEmbeddings() {
        ExampleInputs.embeddings();
    }

    @Test
    void minimumOutsideZeroToOne() {
        assertThat(testFailure(ValueOutOfRange.class, "tooHigh")).isEqualTo("@MinScore(language = \"deu_Latn\","
                + " value = 1.5) on ValueOutOfRange.tooHigh(): value must be within [0, 1].");
    }

    @Test
    void minimumForALanguageNotEvaluated() {
        assertThat(testFailure(UnknownLanguage.class, "notEvaluated")).startsWith("@MinScore(language = \"xho_Latn\","
                + " value = 0.5) on UnknownLanguage.notEvaluated(): xho_Latn is not among the evaluated languages"
                + " (deu_Latn, eng_Latn)");
    }

    @Test
    void minimumForThePivot() {
        assertThat(testFailure(UnknownLanguage.class, "pivot")).contains("eng_Latn is the pivot");
    }

    @Test
    void minimumWithoutEvaluation() {
        assertThat(testFailure(WithoutEvaluation.class, "orphan")).isEqualTo("@MinScore(language = \"deu_Latn\","
                + " value = 0.5) on WithoutEvaluation.orphan() needs @MexaEvaluation on the test class (or an"
                + " enclosing class) to say what to evaluate.");
    }

    @Test
    void languageNotInTheInput() {
        assertThat(classFailure(LanguageNotInInput.class)).startsWith("@MexaEvaluation(languages) names xho_Latn,"
                + " not in embeddings ").contains("which has deu_Latn, eng_Latn, fra_Latn, swh_Latn, wol_Latn");
    }

    @Test
    void unknownPooling() {
        assertThat(classFailure(UnknownPooling.class)).startsWith("@MexaEvaluation(pooling): Unknown pooling 'avg'");
    }

    @Test
    void classMinimumOutsideZeroToOneFailsTheClass() {
        assertThat(classFailure(ClassValueOutOfRange.class)).isEqualTo("@MinScore(language = \"deu_Latn\","
                + " value = -0.1) on ClassValueOutOfRange: value must be within [0, 1].");
    }

    @Test
    void modelWithoutCorpus() {
        assertThat(classFailure(ModelWithoutCorpus.class)).isEqualTo("@MexaEvaluation(corpus) must not be blank.");
    }

    @Test
    void unusableInputFailsTheClassWithTheCoreMessage() throws IOException {
        Files.createDirectories(ProjectDirectory.resolve(EMPTY));
        assertThat(classFailure(UnusableInput.class)).isEqualTo("Embeddings directory "
                + ProjectDirectory.resolve(EMPTY) + " holds no <lang>.safetensors file: export embeddings there first"
                + " (tensor 'embeddings', shape [layers, n, hidden]).");
    }

    @Test
    void modelAndEmbeddingsTogether() {
        assertThat(classFailure(ModelAndEmbeddings.class))
                .isEqualTo("@MexaEvaluation needs either model (with corpus) or embeddings, not both.");
    }

    private static String testFailure(Class<?> example, String test) {
        Events tests = TestKitRuns.run(example).testEvents();
        assertThat(tests.failed().stream().map(event -> event.getPayload(
                org.junit.platform.engine.TestExecutionResult.class).orElseThrow().getThrowable().orElseThrow()))
                .allMatch(ExtensionConfigurationException.class::isInstance);
        return TestKitRuns.failureMessage(tests, test);
    }

    private static String classFailure(Class<?> example) {
        EngineExecutionResults results = TestKitRuns.run(example);
        assertThat(results.testEvents().started().count()).isZero();
        return TestKitRuns.failureMessage(results.containerEvents(), example.getSimpleName());
    }

    @Tag(TestKitRuns.EXAMPLE_TAG)
    @MexaEvaluation(embeddings = ExampleInputs.EMBEDDINGS, languages = "deu_Latn")
    static class ValueOutOfRange {

        @Test
        @MinScore(language = "deu_Latn", value = 1.5)
        void tooHigh() {
        }
    }

    @Tag(TestKitRuns.EXAMPLE_TAG)
    @MexaEvaluation(embeddings = ExampleInputs.EMBEDDINGS, languages = "deu_Latn")
    static class UnknownLanguage {

        @Test
        @MinScore(language = "xho_Latn", value = 0.5)
        void notEvaluated() {
        }

        @Test
        @MinScore(language = "eng_Latn", value = 0.5)
        void pivot() {
        }
    }

    @Tag(TestKitRuns.EXAMPLE_TAG)
    static class WithoutEvaluation {

        @Test
        @MinScore(language = "deu_Latn", value = 0.5)
        void orphan() {
        }
    }

    @Tag(TestKitRuns.EXAMPLE_TAG)
    @MexaEvaluation(embeddings = ExampleInputs.EMBEDDINGS, languages = {"deu_Latn", "xho_Latn"})
    static class LanguageNotInInput extends AnyTest {
    }

    @Tag(TestKitRuns.EXAMPLE_TAG)
    @MexaEvaluation(embeddings = ExampleInputs.EMBEDDINGS, pooling = "avg")
    static class UnknownPooling extends AnyTest {
    }

    @Tag(TestKitRuns.EXAMPLE_TAG)
    @MexaEvaluation(embeddings = ExampleInputs.EMBEDDINGS)
    @MinScore(language = "deu_Latn", value = -0.1)
    static class ClassValueOutOfRange extends AnyTest {
    }

    @Tag(TestKitRuns.EXAMPLE_TAG)
    @MexaEvaluation(model = ExampleInputs.MODEL)
    static class ModelWithoutCorpus extends AnyTest {
    }

    @Tag(TestKitRuns.EXAMPLE_TAG)
    @MexaEvaluation(embeddings = EMPTY)
    static class UnusableInput extends AnyTest {
    }

    @Tag(TestKitRuns.EXAMPLE_TAG)
    @MexaEvaluation(embeddings = ExampleInputs.EMBEDDINGS, model = ExampleInputs.MODEL)
    static class ModelAndEmbeddings extends AnyTest {
    }
}
