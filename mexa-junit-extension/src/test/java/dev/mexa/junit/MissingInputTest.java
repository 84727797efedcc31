package dev.mexa.junit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/** An absent model, corpus or embeddings directory disables the tests, or fails them with failIfMissing. */
class MissingInputTest {

    @Test
    void absentEmbeddingsDisableTheClass() {
        EngineExecutionResults results = TestKitRuns.run(AbsentEmbeddings.class);

        assertThat(results.testEvents().started().count()).isZero();
        assertThat(TestKitRuns.skipReason(results.containerEvents(), "AbsentEmbeddings"))
                .isEqualTo("The embeddings directory " + ProjectDirectory.resolve(ExampleInputs.ABSENT)
                        + " (@MexaEvaluation(embeddings)) does not exist: MEXA tests disabled (set"
                        + " @MexaEvaluation(failIfMissing = true) to fail instead).");
    }

    @Test
    void absentModelDisablesTheClass() {
        EngineExecutionResults results = TestKitRuns.run(AbsentModel.class);

        assertThat(TestKitRuns.skipReason(results.containerEvents(), "AbsentModel"))
                .startsWith("The model directory " + ProjectDirectory.resolve(ExampleInputs.ABSENT));
    }

    @Test
    void failIfMissingFailsTheClass() {
        EngineExecutionResults results = TestKitRuns.run(AbsentButRequired.class);

        assertThat(results.testEvents().started().count()).isZero();
        assertThat(results.containerEvents().failed().stream()
                .map(event -> event.getPayload(TestExecutionResult.class).orElseThrow().getThrowable().orElseThrow()))
                .singleElement().isInstanceOf(ExtensionConfigurationException.class);
        assertThat(TestKitRuns.failureMessage(results.containerEvents(), "AbsentButRequired"))
                .isEqualTo("The embeddings directory " + ProjectDirectory.resolve(ExampleInputs.ABSENT)
                        + " (@MexaEvaluation(embeddings)) does not exist, and @MexaEvaluation(failIfMissing = true)"
                        + " requires it.");
    }

    @Tag(TestKitRuns.EXAMPLE_TAG)
    @MexaEvaluation(embeddings = ExampleInputs.ABSENT)
    static class AbsentEmbeddings {

        @Test
        @MinScore(language = "deu_Latn", value = 0.5)
        void gated() {
        }
    }

    @Tag(TestKitRuns.EXAMPLE_TAG)
    @MexaEvaluation(model = ExampleInputs.ABSENT, corpus = ExampleInputs.ABSENT)
    static class AbsentModel extends AnyTest {
    }

    @Tag(TestKitRuns.EXAMPLE_TAG)
    @MexaEvaluation(embeddings = ExampleInputs.ABSENT, failIfMissing = true)
    static class AbsentButRequired extends AnyTest {
    }
}
