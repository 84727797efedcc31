package com.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mexa.junit.MexaEvaluation;
import dev.mexa.junit.MexaScores;
import dev.mexa.junit.MinScore;
import java.io.File;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

@MexaEvaluation(embeddings = "target/example-embeddings", languages = {"deu_Latn", "fra_Latn", "swh_Latn"},
        failIfMissing = true)
class MatrixTest {

    @Test
    void testsRunOnTheRequestedJUnit() throws Exception {
        String expected = System.getProperty("expected.junit.version");
        assertEquals(expected, Test.class.getPackage().getImplementationVersion(), "junit-jupiter-api");
        assertEquals(expected, Class.forName("org.junit.jupiter.engine.JupiterTestEngine").getPackage()
                .getImplementationVersion(), "junit-jupiter-engine");
        List<String> jupiterJars = Arrays.stream(System.getProperty("surefire.test.class.path", "")
                        .split(File.pathSeparator))
                .map(entry -> new File(entry).getName())
                .filter(name -> name.startsWith("junit-jupiter-api-") || name.startsWith("junit-jupiter-engine-"))
                .sorted()
                .collect(Collectors.toList());
        assertEquals(List.of("junit-jupiter-api-" + expected + ".jar", "junit-jupiter-engine-" + expected + ".jar"),
                jupiterJars);
        System.out.println("Jupiter on the test class path: " + String.join(", ", jupiterJars));
    }

    @Test
    @MinScore(language = "deu_Latn", value = 0.70)
    @MinScore(language = "fra_Latn", value = 0.50)
    void meetsItsMinimums() {
    }

    @Test
    void reportIsInjected(MexaScores report) {
        assertTrue(report.score("deu_Latn") > report.score("swh_Latn"));
    }

    @TestFactory
    Stream<DynamicTest> everyLanguage(MexaScores report) {
        return report.dynamicTests(0.05);
    }

    @Nested
    class ForSwahili {

        @Test
        @MinScore(language = "swh_Latn", value = 0.05)
        void meetsItsMinimum() {
        }
    }
}
