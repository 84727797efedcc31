package dev.mexa.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.TestExecutionResult.Status.FAILED;
import static org.junit.platform.engine.TestExecutionResult.Status.SUCCESSFUL;

import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/** {@link MexaScores} parameters, dynamic tests per language and {@link MexaAssertions} inside test classes. */
class ReportInjectionTest {

    @BeforeAll
    static void writeEmbeddings() {
        ExampleInputs.embeddings();
    }

    @Test
    void injectsTheReportEverywhere() {
        EngineExecutionResults results = TestKitRuns.run(Injected.class);

        assertThat(TestKitRuns.statuses(results.testEvents())).containsAllEntriesOf(Map.of(
                "scoresByLanguage", SUCCESSFUL, "coreReport", SUCCESSFUL, "assertionMet", SUCCESSFUL,
                "assertionMissed", FAILED));
        assertThat(TestKitRuns.failureMessage(results.testEvents(), "assertionMissed")).isEqualTo("""
                Rule violated for language swh_Latn: MEXA score is 0.07, but expected minimum is 0.30
                MEXA checks have not been met (1 of 1 language)""");
        assertThat(results.containerEvents().failed().count()).isZero();
    }

    @Test
    void dynamicTestsGateEveryLanguageButThePivot() {
        EngineExecutionResults results = TestKitRuns.run(Injected.class);

        assertThat(TestKitRuns.statuses(results.testEvents())).containsAllEntriesOf(Map.of(
                "deu_Latn scores at least 0.40", SUCCESSFUL, "fra_Latn scores at least 0.40", SUCCESSFUL,
                "swh_Latn scores at least 0.40", FAILED, "wol_Latn scores at least 0.40", FAILED));
        assertThat(TestKitRuns.failureMessage(results.testEvents(), "wol_Latn scores at least 0.40")).isEqualTo("""
                Rule violated for language wol_Latn: MEXA score is 0.01, but expected minimum is 0.40
                MEXA checks have not been met (1 of 1 language)""");
    }

    @Test
    void injectsIntoTheConstructorOfAPerClassInstance() {
        EngineExecutionResults results = TestKitRuns.run(PerClassInstance.class);

        results.testEvents().assertStatistics(stats -> stats.started(1).succeeded(1));
    }

    /** Takes the report in its constructor, called before any callback of the extension. */
    @Tag(TestKitRuns.EXAMPLE_TAG)
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    @MexaEvaluation(embeddings = ExampleInputs.EMBEDDINGS, languages = "deu_Latn")
    static class PerClassInstance {

        private final MexaScores report;

        PerClassInstance(MexaScores report) {
            this.report = report;
        }

        @Test
        void constructed() {
            assertThat(report.languages()).containsExactly("deu_Latn");
        }
    }

    /** Takes the report as a parameter of a static {@code @BeforeAll}, of tests and of a test factory. */
    @Tag(TestKitRuns.EXAMPLE_TAG)
    @MexaEvaluation(embeddings = ExampleInputs.EMBEDDINGS)
    static class Injected {

        @BeforeAll
        static void beforeAll(MexaScores report) {
            assertThat(report.pivot()).isEqualTo("eng_Latn");
        }

        @Test
        void scoresByLanguage(MexaScores report) {
            assertThat(report.score("fra_Latn")).isGreaterThan(0.5);
            assertThat(report.languages()).containsExactly("deu_Latn", "fra_Latn", "swh_Latn", "wol_Latn");
            assertThat(report.result("deu_Latn").sentences()).isEqualTo(ExampleInputs.SENTENCES);
        }

        @Test
        void coreReport(dev.mexa.core.report.MexaReport report) {
            assertThat(report.layers()).isEqualTo(5);
            assertThat(report.score("deu_Latn")).isGreaterThan(report.score("swh_Latn"));
        }

        @Test
        void assertionMet(MexaScores report) {
            MexaAssertions.assertThat(report).hasMinScore("deu_Latn", 0.7).hasMinScore("fra_Latn", 0.5);
        }

        @Test
        void assertionMissed(MexaScores report) {
            MexaAssertions.assertThat(report).hasMinScore("swh_Latn", 0.3);
        }

        @TestFactory
        Stream<DynamicTest> everyLanguage(MexaScores report) {
            return report.dynamicTests(0.4);
        }
    }
}
