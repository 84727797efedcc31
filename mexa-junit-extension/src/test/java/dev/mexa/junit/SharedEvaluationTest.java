package dev.mexa.junit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/**
 * One evaluation per distinct configuration per run, shared by test classes running concurrently, and the source
 * closed once when the run ends.
 */
class SharedEvaluationTest {

    private static final String LOADING = "Loading MEXA ";
    private static final String EVALUATING = "Evaluating MEXA alignment of ";
    private static final String RELEASED = "Released MEXA ";

    @BeforeAll
    static void writeEmbeddings() {
        ExampleInputs.embeddings();
    }

    @Test
    void concurrentClassesWithOneConfigurationShareOneEvaluation() {
        SameConfiguration.THREADS.clear();
        try (LogRecorder log = new LogRecorder()) {
            EngineExecutionResults results = TestKitRuns.runConcurrently(First.class, Second.class, Third.class,
                    Fourth.class);

            results.testEvents().assertStatistics(stats -> stats.started(8).succeeded(8));
            assertThat(SameConfiguration.THREADS).as("threads the classes ran on").hasSizeGreaterThan(1);
            assertLoadsEvaluationsReleases(log, 1, 1, 1);
        }
    }

    @Test
    void anotherConfigurationOfTheSameInputIsEvaluatedOnItsOwn() {
        try (LogRecorder log = new LogRecorder()) {
            EngineExecutionResults results = TestKitRuns.runConcurrently(First.class, MaxPooling.class);

            results.testEvents().assertStatistics(stats -> stats.started(4).succeeded(4));
            assertLoadsEvaluationsReleases(log, 1, 2, 1);
        }
    }

    @Test
    void eachRunEvaluatesAgain() {
        try (LogRecorder log = new LogRecorder()) {
            TestKitRuns.run(First.class);
            TestKitRuns.run(Second.class);

            assertLoadsEvaluationsReleases(log, 2, 2, 2);
        }
    }

    private static void assertLoadsEvaluationsReleases(LogRecorder log, int loads, int evaluations, int releases) {
        assertThat(new long[] {log.count(LOADING), log.count(EVALUATING), log.count(RELEASED)})
                .as("loads, evaluations and releases").containsExactly(loads, evaluations, releases);
    }

    /** Two tests that read the report; the classes below differ only in name. */
    @Tag(TestKitRuns.EXAMPLE_TAG)
    @MexaEvaluation(embeddings = ExampleInputs.EMBEDDINGS, languages = {"fra_Latn", "deu_Latn"})
    abstract static class SameConfiguration {

        /** The threads the classes' tests ran on. */
        static final Set<String> THREADS = ConcurrentHashMap.newKeySet();

        @Test
        @MinScore(language = "deu_Latn", value = 0.7)
        void gated() {
            THREADS.add(Thread.currentThread().getName());
        }

        @Test
        void injected(MexaScores report, TestInfo info) {
            assertThat(report.languages()).as(info.getDisplayName()).containsExactly("deu_Latn", "fra_Latn");
        }
    }

    @Tag(TestKitRuns.EXAMPLE_TAG)
    static class First extends SameConfiguration {
    }

    @Tag(TestKitRuns.EXAMPLE_TAG)
    static class Second extends SameConfiguration {
    }

    @Tag(TestKitRuns.EXAMPLE_TAG)
    static class Third extends SameConfiguration {
    }

    /** The same configuration written differently: the path not normalized, the languages in another order. */
    @Tag(TestKitRuns.EXAMPLE_TAG)
    @MexaEvaluation(embeddings = "target/../" + ExampleInputs.EMBEDDINGS, languages = {"deu_Latn", "fra_Latn"})
    static class Fourth extends SameConfiguration {
    }

    /** The same input pooled differently. */
    @Tag(TestKitRuns.EXAMPLE_TAG)
    @MexaEvaluation(embeddings = ExampleInputs.EMBEDDINGS, languages = {"fra_Latn", "deu_Latn"}, pooling = "max")
    static class MaxPooling extends SameConfiguration {
    }
}
