package dev.mexa.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mexa.core.example.ExampleProject;
import dev.mexa.core.report.ReportJson;
import dev.mexa.core.report.ReportWriter;
import dev.mexa.core.report.Verdict;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code mexa:check} over a report that {@code mexa:evaluate} recorded from the example embeddings (deu_Latn 0.720,
 * fra_Latn 0.515, swh_Latn 0.065, wol_Latn 0.010): the same lines, outcome and reports as evaluate with the same
 * gate parameters.
 */
class CheckMojoTest {

    @TempDir
    static Path shared;

    @TempDir
    Path work;

    private final RecordingLog log = new RecordingLog();
    private CheckMojo check;
    private Path recorded;

    @BeforeAll
    static void writeEmbeddings() {
        new ExampleProject(ExampleProject.DEFAULT_ALIGNMENT, 42).writeEmbeddings(shared.resolve("embeddings"), 5,
                40, 16);
    }

    @BeforeEach
    void recordAReport() throws Exception {
        EvaluateMojo evaluate = MojoDefaults.evaluateMojo(new RecordingLog());
        evaluate.embeddings = List.of(shared.resolve("embeddings").toFile());
        evaluate.outputDirectory = work.resolve("run").toFile();
        evaluate.fork = false;
        evaluate.execute();
        recorded = work.resolve("run").resolve(ReportWriter.JSON);
        check = MojoDefaults.checkMojo(log);
        check.report = recorded.toFile();
    }

    @Test
    void failsLikeEvaluateWithOneErrorLinePerViolationAndGatesTheReportBesideIt() throws Exception {
        check.minScore = "0.5";

        assertThatThrownBy(check::execute).isInstanceOf(MojoFailureException.class)
                .hasMessage("MEXA checks have not been met (2 of 4 languages)");

        assertThat(log.at("ERROR")).containsExactly(
                "Rule violated for language swh_Latn: MEXA score is 0.07, but expected minimum is 0.50",
                "Rule violated for language wol_Latn: MEXA score is 0.01, but expected minimum is 0.50");
        assertThat(ReportJson.read(recorded).result("swh_Latn").verdict()).isEqualTo(Verdict.FAIL);
        assertThat(work.resolve("run").resolve(ReportWriter.JUNIT_XML)).isRegularFile();
    }

    @Test
    void passesAndWritesIntoTheOutputDirectoryWhenSet() throws Exception {
        check.minScore = "0.01";
        check.outputDirectory = work.resolve("gated").toFile();

        check.execute();

        assertThat(log.at("INFO")).contains("All MEXA checks have been met (4 languages)");
        assertThat(ReportJson.read(work.resolve("gated").resolve(ReportWriter.JSON)).result("wol_Latn").verdict())
                .isEqualTo(Verdict.PASS);
        assertThat(ReportJson.read(recorded).result("wol_Latn").verdict()).isEqualTo(Verdict.NOT_GATED);
    }

    @Test
    void withoutHaltOnFailureWarns() throws Exception {
        check.minScore = "0.5";
        check.haltOnFailure = false;

        check.execute();

        assertThat(log.at("WARN")).contains("MEXA checks have not been met (2 of 4 languages)");
    }

    @Test
    void tooFewSentencesToGateFailUnlessMinSentencesIsLoweredAsInEvaluate() throws Exception {
        check.minScore = "0";
        check.minSentences = 41;
        assertThatThrownBy(check::execute).isInstanceOf(MojoExecutionException.class)
                .hasMessageStartingWith("Too few sentences to gate: deu_Latn (40), fra_Latn (40), swh_Latn (40),"
                        + " wol_Latn (40) scored on fewer than the 41 sentences that minSentences (mexa.minSentences)"
                        + " requires.");
        check.minSentences = 40;
        check.execute();
        assertThat(log.at("INFO")).contains("All MEXA checks have been met (4 languages)");
    }

    @Test
    void aMissingReportIsAConfigurationErrorNamingTheParameter() throws Exception {
        Files.delete(recorded);

        assertThatThrownBy(check::execute).isInstanceOf(MojoExecutionException.class)
                .hasMessageStartingWith("Invalid report (mexa.report): ");
    }

    @Test
    void skipDoesNothing() throws Exception {
        check.skip = true;
        check.report = null;

        check.execute();

        assertThat(log.lines()).containsExactly("INFO Skipping MEXA check (mexa.skip=true).");
    }
}
