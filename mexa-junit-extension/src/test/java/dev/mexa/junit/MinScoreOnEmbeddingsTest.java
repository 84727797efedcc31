package dev.mexa.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.TestExecutionResult.Status.FAILED;
import static org.junit.platform.engine.TestExecutionResult.Status.SUCCESSFUL;

import dev.mexa.core.report.ReportWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/** {@link MinScore} on methods, classes and nested classes, on imported embeddings with known scores. */
class MinScoreOnEmbeddingsTest {

    @BeforeAll
    static void writeEmbeddings() {
        ExampleInputs.embeddings();
    }

    @Test
    void methodMinimumsPassOrFailWithTheGateLines() {
        EngineExecutionResults results = TestKitRuns.run(MethodMinimums.class);

        assertThat(TestKitRuns.statuses(results.testEvents())).containsExactlyInAnyOrderEntriesOf(Map.of(
                "met", SUCCESSFUL, "missed", FAILED, "ungated", SUCCESSFUL));
        assertThat(TestKitRuns.failureMessage(results.testEvents(), "missed")).isEqualTo("""
                Rule violated for language deu_Latn: MEXA score is 0.72, but expected minimum is 0.80
                Rule violated for language swh_Latn: MEXA score is 0.07, but expected minimum is 0.30
                MEXA checks have not been met (2 of 2 languages)""");
    }

    @Test
    void classMinimumAppliesToEveryTestAndMethodsOverrideIt() {
        EngineExecutionResults results = TestKitRuns.run(ClassMinimum.class);

        assertThat(TestKitRuns.statuses(results.testEvents())).containsExactlyInAnyOrderEntriesOf(Map.of(
                "inheritsClassMinimum", FAILED, "lowersClassMinimum", SUCCESSFUL, "addsToClassMinimum", FAILED,
                "nestedInheritsOuterMinimum", FAILED));
        assertThat(TestKitRuns.failureMessage(results.testEvents(), "inheritsClassMinimum")).isEqualTo("""
                Rule violated for language swh_Latn: MEXA score is 0.07, but expected minimum is 0.30
                MEXA checks have not been met (1 of 1 language)""");
        assertThat(TestKitRuns.failureMessage(results.testEvents(), "addsToClassMinimum")).isEqualTo("""
                Rule violated for language deu_Latn: MEXA score is 0.72, but expected minimum is 0.90
                Rule violated for language swh_Latn: MEXA score is 0.07, but expected minimum is 0.30
                MEXA checks have not been met (2 of 2 languages)""");
    }

    @Test
    void reportsAreWrittenPerClassWithTheClassMinimums() throws IOException {
        TestKitRuns.run(ClassMinimum.class);

        Path json = ProjectDirectory.resolve("target/mexa/" + ClassMinimum.class.getName()).resolve(ReportWriter.JSON);
        assertThat(Files.readString(json)).contains("\"swh_Latn\"").contains("\"threshold\": 0.3")
                .contains("\"verdict\": \"FAIL\"");
        // the gate as JUnit XML, one test case per gated language, for CI test tabs
        String junitXml = Files.readString(json.resolveSibling(ReportWriter.JUNIT_XML));
        assertThat(junitXml).contains("<testsuite name=\"mexa\" tests=\"1\" failures=\"1\"",
                "<testcase classname=\"mexa\" name=\"swh_Latn\" time=\"0\"><failure message=\"Rule violated for"
                        + " language swh_Latn: MEXA score is 0.07, but expected minimum is 0.30\" type=\"MEXA gate\">");
    }

    @Test
    void scoresArePublishedAsReportEntries() {
        EngineExecutionResults results = TestKitRuns.run(MethodMinimums.class);

        assertThat(TestKitRuns.reportEntries(results)).containsExactly(Map.of("deu_Latn", "0.720"),
                Map.of("fra_Latn", "0.515"), Map.of("swh_Latn", "0.065"));
    }

    /** Method-level minimums: one met, one missed on two languages, one test without any. */
    @Tag(TestKitRuns.EXAMPLE_TAG)
    @MexaEvaluation(embeddings = ExampleInputs.EMBEDDINGS, languages = {"deu_Latn", "fra_Latn", "swh_Latn"})
    static class MethodMinimums {

        @Test
        @MinScore(language = "deu_Latn", value = 0.7)
        @MinScore(language = "fra_Latn", value = 0.5)
        void met() {
        }

        @Test
        @MinScore(language = "deu_Latn", value = 0.8)
        @MinScore(language = "swh_Latn", value = 0.3)
        void missed() {
        }

        @Test
        void ungated() {
        }
    }

    /** A class-level minimum that methods lower, add to, and a nested class inherits. */
    @Tag(TestKitRuns.EXAMPLE_TAG)
    @MexaEvaluation(embeddings = ExampleInputs.EMBEDDINGS)
    @MinScore(language = "swh_Latn", value = 0.3)
    static class ClassMinimum {

        @Test
        void inheritsClassMinimum() {
        }

        @Test
        @MinScore(language = "swh_Latn", value = 0.05)
        void lowersClassMinimum() {
        }

        @Test
        @MinScore(language = "deu_Latn", value = 0.9)
        void addsToClassMinimum() {
        }

        @Nested
        class Inner {

            @Test
            void nestedInheritsOuterMinimum() {
            }
        }
    }
}
