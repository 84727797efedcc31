package dev.mexa.junit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.Events;

/**
 * Misuse fails fast, before any model loads, with an {@link ExtensionConfigurationException} carrying mexa-core's
 * message for the rule (prefixed by the annotation at fault); unusable input fails with mexa-core's message.
 */
class MisuseTest {

    private static final String EMPTY = "target/testkit/empty";
    private static final String CORRUPT_MODEL = "target/testkit/corrupt-weights-model";

    @BeforeAll
    static void writeEmbeddings() {
        ExampleInputs.embeddings();
    }

    @Test
    void minimumOutsideZeroToOneOnATestFailsTheClass() {
        assertThat(classFailure(ValueOutOfRange.class)).isEqualTo("Invalid minimum for deu_Latn (@MinScore(language"
                + " = \"deu_Latn\", value = 1.5) on ValueOutOfRange.tooHigh()) '1.5': it must lie in [0, 1]; write a"
                + " fraction such as 0.85 or a percentage such as 85%.");
    }

    @Test
    void minimumForALanguageNotEvaluatedFailsTheClassBeforeTheModelLoads() throws IOException {
        writeCorruptModel();
        // had the model loaded, the class would fail naming its corrupt weights instead
        Events classes = TestKitRuns.run(MisspeltLanguage.class).containerEvents();
        assertThat(classes.failed().stream().map(event -> event.getPayload(TestExecutionResult.class).orElseThrow()
                .getThrowable().orElseThrow())).singleElement().isInstanceOf(ExtensionConfigurationException.class);
        assertThat(TestKitRuns.failureMessage(classes, MisspeltLanguage.class.getSimpleName())).isEqualTo(
                "@MexaEvaluation: The minimum for deu_Ltan (@MinScore(language = \"deu_Ltan\", value = 0.5) on"
                + " MisspeltLanguage.misspelt()) names a language that is not among the scored languages (deu_Latn,"
                + " eng_Latn): fix the language code, or add the language to the input and to languages"
                + " (mexa.languages).");
        // the same model with the language spelt right: it loads, and fails naming its weights
        assertThat(classFailure(CorruptWeights.class)).contains(CORRUPT_MODEL + "/model.safetensors");
    }

    @Test
    void layersBeyondTheModelFailTheClassBeforeTheModelLoads() throws IOException {
        writeCorruptModel();
        assertThat(classFailure(LayersBeyondTheModel.class)).startsWith("@MexaEvaluation: Layer range 0-99 goes"
                + " beyond the ").endsWith(" hidden states of " + ProjectDirectory.resolve(CORRUPT_MODEL)
                + " (0..2): narrow layers (mexa.layers).");
    }

    /** The example model's configuration and tokenizer with weights that fail to load. */
    private static void writeCorruptModel() throws IOException {
        ExampleInputs.modelAndCorpus();
        Path corrupt = Files.createDirectories(ProjectDirectory.resolve(CORRUPT_MODEL));
        for (String file : new String[] {"config.json", "tokenizer.json"}) {
            Files.copy(ProjectDirectory.resolve(ExampleInputs.MODEL).resolve(file), corrupt.resolve(file),
                    StandardCopyOption.REPLACE_EXISTING);
        }
        Files.writeString(corrupt.resolve("model.safetensors"), "not a safetensors file");
    }

    @Test
    void minimumForThePivotFailsTheClass() {
        assertThat(classFailure(PivotMinimum.class)).startsWith("@MexaEvaluation: The minimum for eng_Latn"
                + " (@MinScore(language = \"eng_Latn\", value = 0.5) on PivotMinimum.pivot()) names the pivot");
    }

    @Test
    void minimumWithoutEvaluation() {
        assertThat(testFailure(WithoutEvaluation.class, "orphan")).isEqualTo("@MinScore(language = \"deu_Latn\","
                + " value = 0.5) on WithoutEvaluation.orphan() needs @MexaEvaluation on the test class (or an"
                + " enclosing class) to say what to evaluate.");
    }

    @Test
    void languageNotInTheInput() {
        assertThat(classFailure(LanguageNotInInput.class)).startsWith("@MexaEvaluation: Language(s) xho_Latn"
                + " requested in languages (mexa.languages) are not in ")
                .contains("(found deu_Latn, eng_Latn, fra_Latn, swh_Latn, wol_Latn)");
    }

    /** Issue 10: a @MinScore on fewer sentences than minSentences fails the class instead of passing by chance. */
    @Test
    void tooFewSentencesForAMinScoreFailTheClass() {
        assertThat(classFailure(TooFewSentences.class)).startsWith("@MexaEvaluation: Too few sentences to gate:"
                + " deu_Latn (40) scored on fewer than the 41 sentences that minSentences (mexa.minSentences)"
                + " requires.");
        assertThat(classFailure(NoMinSentences.class)).startsWith("@MexaEvaluation: Invalid minSentences"
                + " (mexa.minSentences) 0: it must be at least 1");
    }

    @Test
    void unknownPooling() {
        assertThat(classFailure(UnknownPooling.class)).startsWith("@MexaEvaluation: Unknown pooling 'avg'");
    }

    @Test
    void classMinimumOutsideZeroToOneFailsTheClass() {
        assertThat(classFailure(ClassValueOutOfRange.class)).isEqualTo("Invalid minimum for deu_Latn"
                + " (@MinScore(language = \"deu_Latn\", value = -0.1) on ClassValueOutOfRange) '-0.1': it must lie in"
                + " [0, 1]; write a fraction such as 0.85 or a percentage such as 85%.");
    }

    @Test
    void moreSentencesThanTheBundledCorpusHoldsFailsTheClassPointingAtCorpus() {
        ExampleInputs.modelAndCorpus();
        assertThat(classFailure(TooManyBundledSentences.class)).isEqualTo("sentences (mexa.sentences) is 101, but the"
                + " bundled FLORES-200 devtest corpus holds the first 100 sentences of each language: set corpus"
                + " (mexa.corpus) to a directory with more, such as the full FLORES-200 devtest (1012 sentences), or"
                + " score at most 100.");
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
                .isEqualTo("@MexaEvaluation: Both model (mexa.model) and embeddings (mexa.embeddings) are set: set"
                        + " model and corpus to run a checkpoint, or embeddings to score precomputed sentence"
                        + " embeddings, not both.");
    }

    @Test
    void neitherModelNorEmbeddingsSaysTheCorpusIsOptional() {
        assertThat(classFailure(NoInput.class)).isEqualTo("@MexaEvaluation: No input: set model (mexa.model) to run a"
                + " checkpoint, over corpus (mexa.corpus) or by default the bundled FLORES-200 devtest, or embeddings"
                + " (mexa.embeddings) to a directory of <lang>.safetensors files.");
    }

    private static String testFailure(Class<?> example, String test) {
        Events tests = TestKitRuns.run(example).testEvents();
        assertThat(tests.failed().stream().map(event -> event.getPayload(
                TestExecutionResult.class).orElseThrow().getThrowable().orElseThrow()))
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
    @MexaEvaluation(model = CORRUPT_MODEL, corpus = ExampleInputs.CORPUS, languages = "deu_Latn",
            failIfMissing = true)
    static class MisspeltLanguage {

        @Test
        void unannotated() {
        }

        @Test
        @MinScore(language = "deu_Ltan", value = 0.5)
        void misspelt() {
        }
    }

    @Tag(TestKitRuns.EXAMPLE_TAG)
    @MexaEvaluation(model = CORRUPT_MODEL, corpus = ExampleInputs.CORPUS, languages = "deu_Latn", cache = false,
            failIfMissing = true)
    @MinScore(language = "deu_Latn", value = 0.5)
    static class CorruptWeights extends AnyTest {
    }

    @Tag(TestKitRuns.EXAMPLE_TAG)
    @MexaEvaluation(model = CORRUPT_MODEL, corpus = ExampleInputs.CORPUS, languages = "deu_Latn", layers = "0-99",
            failIfMissing = true)
    static class LayersBeyondTheModel extends AnyTest {
    }

    @Tag(TestKitRuns.EXAMPLE_TAG)
    @MexaEvaluation(embeddings = ExampleInputs.EMBEDDINGS, languages = "deu_Latn")
    static class PivotMinimum {

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
    @MexaEvaluation(embeddings = ExampleInputs.EMBEDDINGS, minSentences = 41)
    @MinScore(language = "deu_Latn", value = 0.1)
    static class TooFewSentences extends AnyTest {
    }

    @Tag(TestKitRuns.EXAMPLE_TAG)
    @MexaEvaluation(embeddings = ExampleInputs.EMBEDDINGS, minSentences = 0)
    static class NoMinSentences extends AnyTest {
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
    @MexaEvaluation(model = ExampleInputs.MODEL, sentences = 101, failIfMissing = true)
    static class TooManyBundledSentences extends AnyTest {
    }

    @Tag(TestKitRuns.EXAMPLE_TAG)
    @MexaEvaluation(embeddings = EMPTY)
    static class UnusableInput extends AnyTest {
    }

    @Tag(TestKitRuns.EXAMPLE_TAG)
    @MexaEvaluation(embeddings = ExampleInputs.EMBEDDINGS, model = ExampleInputs.MODEL)
    static class ModelAndEmbeddings extends AnyTest {
    }

    @Tag(TestKitRuns.EXAMPLE_TAG)
    @MexaEvaluation
    static class NoInput extends AnyTest {
    }
}
