package dev.mexa.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.mexa.core.example.ExampleProject;
import dev.mexa.core.report.LanguageResult;
import dev.mexa.core.report.MexaReport;
import dev.mexa.core.report.ReportJson;
import dev.mexa.core.report.ReportWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The goal built by plain construction, as Maven would configure it, on the example embeddings (scores: deu_Latn
 * 0.720, fra_Latn 0.515, swh_Latn 0.065, wol_Latn 0.010).
 */
class EvaluateMojoTest {

    private static final String SWAHILI_BELOW_HALF =
            "Rule violated for language swh_Latn: MEXA score is 0.07, but expected minimum is 0.50";
    private static final String WOLOF_BELOW_HALF =
            "Rule violated for language wol_Latn: MEXA score is 0.01, but expected minimum is 0.50";

    private static final String BUNDLED = "bundled FLORES-200 devtest (first 100 sentences)";

    @TempDir
    static Path shared;

    @TempDir
    Path work;

    private final RecordingLog log = new RecordingLog();
    private EvaluateMojo mojo;
    private Path output;

    @BeforeAll
    static void writeEmbeddings() {
        new ExampleProject(ExampleProject.DEFAULT_ALIGNMENT, 42).writeEmbeddings(embeddings(), 5, 40, 16);
    }

    private static Path embeddings() {
        return shared.resolve("embeddings");
    }

    @BeforeEach
    void configure() {
        output = work.resolve("mexa");
        mojo = MojoDefaults.evaluateMojo(log);
        mojo.embeddings = List.of(embeddings().toFile());
        mojo.outputDirectory = output.toFile();
    }

    /** @return the languages of the written {@code mexa-report.json}, with their gate fields */
    private JsonObject writtenLanguages() throws IOException {
        return JsonParser.parseString(Files.readString(output.resolve(ReportWriter.JSON))).getAsJsonObject()
                .getAsJsonObject("languages");
    }

    private String verdict(String language) throws IOException {
        return writtenLanguages().getAsJsonObject(language).get("verdict").getAsString();
    }

    private double written(String language, String key) throws IOException {
        return writtenLanguages().getAsJsonObject(language).get(key).getAsDouble();
    }

    @Test
    void skipLogsOneLineAndDoesNothingElse() throws Exception {
        mojo.skip = true;
        mojo.embeddings = null;

        mojo.execute();

        assertThat(log.lines()).containsExactly("INFO Skipping MEXA evaluation (mexa.skip=true).");
        assertThat(output).doesNotExist();
    }

    @Test
    void withoutRulesScoresAndWritesTheReports() throws Exception {
        mojo.execute();

        assertThat(output.resolve(ReportWriter.JSON)).isRegularFile();
        assertThat(output.resolve(ReportWriter.CSV)).isRegularFile();
        assertThat(output.resolve(ReportWriter.MARKDOWN)).isRegularFile();
        assertThat(log.at("INFO")).anyMatch(line -> line.matches("deu_Latn\\s+0\\.720 .*"))
                .contains("No MEXA checks configured");
        assertThat(verdict("deu_Latn")).isEqualTo("NOT_GATED");
    }

    @Test
    void passesWhenEveryLanguageMeetsItsThreshold() throws Exception {
        mojo.minScore = "0.5";
        mojo.thresholds = Map.of("swh_Latn", "0.05", "wol_Latn", "1%");

        mojo.execute();

        assertThat(log.at("INFO")).contains("All MEXA checks have been met (4 languages)");
        assertThat(log.at("ERROR")).isEmpty();
        assertThat(written("wol_Latn", "threshold")).isCloseTo(0.01, offset(1e-12));
    }

    @Test
    void failsBelowMinScoreWithOneErrorLinePerViolationAfterWritingTheReports() throws IOException {
        mojo.minScore = "50%";

        assertThatThrownBy(mojo::execute).isInstanceOf(MojoFailureException.class)
                .hasMessage("MEXA checks have not been met (2 of 4 languages)");

        assertThat(log.at("ERROR")).containsExactly(SWAHILI_BELOW_HALF, WOLOF_BELOW_HALF);
        assertThat(verdict("swh_Latn")).isEqualTo("FAIL");
        assertThat(verdict("deu_Latn")).isEqualTo("PASS");
        assertThat(verdict("eng_Latn")).isEqualTo("NOT_GATED");
        assertThat(writtenLanguages().getAsJsonObject("swh_Latn").getAsJsonArray("violations").get(0).getAsString())
                .isEqualTo(SWAHILI_BELOW_HALF);
    }

    @Test
    void withoutHaltOnFailureWarnsAndPasses() throws Exception {
        mojo.minScore = "0.5";
        mojo.haltOnFailure = false;

        mojo.execute();

        assertThat(log.at("WARN")).containsSubsequence(SWAHILI_BELOW_HALF, WOLOF_BELOW_HALF,
                "MEXA checks have not been met (2 of 4 languages)");
        assertThat(log.at("ERROR")).isEmpty();
        assertThat(verdict("swh_Latn")).isEqualTo("FAIL");
        assertThat(verdict("wol_Latn")).isEqualTo("FAIL");
    }

    @Test
    void thePropertyFormOfThresholdsOverridesTheXmlForm() throws Exception {
        mojo.thresholds = Map.of("deu_Latn", "0.9", "fra_Latn", "0.5");
        mojo.thresholdList = "deu_Latn:0.7";

        mojo.execute();

        assertThat(log.at("INFO")).contains("All MEXA checks have been met (2 languages)");
        assertThat(written("deu_Latn", "threshold")).isEqualTo(0.7);
    }

    @Test
    void thresholdsNarrowerThanMinScoreFailOnlyTheirLanguage() {
        mojo.thresholdList = "deu_Latn:0.8,fra_Latn:0.5";

        assertThatThrownBy(mojo::execute).isInstanceOf(MojoFailureException.class)
                .hasMessage("MEXA checks have not been met (1 of 2 languages)");
        assertThat(log.at("ERROR"))
                .containsExactly("Rule violated for language deu_Latn: MEXA score is 0.72, but expected minimum is 0.80");
    }

    @Test
    void failsARegressionAgainstTheBaseline() throws IOException {
        Path baseline = baselineWith("fra_Latn", 0.6, "mean");
        mojo.baseline = baseline.toFile();
        mojo.maxDrop = "0.05";

        assertThatThrownBy(mojo::execute).isInstanceOf(MojoFailureException.class)
                .hasMessage("MEXA checks have not been met (1 of 4 languages)");
        assertThat(log.at("ERROR")).containsExactly("Rule violated for language fra_Latn: MEXA score dropped from"
                + " 0.60 to 0.52 (baseline mexa-baseline.json), more than 0.05");
        assertThat(written("fra_Latn", "baseline")).isEqualTo(0.6);
    }

    @Test
    void passesWithinMaxDrop() throws Exception {
        mojo.baseline = baselineWith("fra_Latn", 0.6, "mean").toFile();
        mojo.maxDrop = "10%";

        mojo.execute();

        assertThat(log.at("INFO")).contains("All MEXA checks have been met (4 languages)");
    }

    @Test
    void rejectsABaselineMadeWithAnotherPoolingBeforeScoring() throws IOException {
        mojo.baseline = baselineWith("fra_Latn", 0.6, "max").toFile();
        mojo.maxDrop = "0.05";

        assertThatThrownBy(mojo::execute).isInstanceOf(MojoExecutionException.class)
                .hasMessageStartingWith("baseline (mexa.baseline) mexa-baseline.json was made with another"
                        + " pooling (baseline: max, this run: mean)");
        assertThat(output).doesNotExist();
    }

    @Test
    void rejectsABaselineThatIsNotAReport() throws IOException {
        Path notAReport = Files.writeString(work.resolve("pom.xml"), "<project/>");
        mojo.baseline = notAReport.toFile();

        assertThatThrownBy(mojo::execute).isInstanceOf(MojoExecutionException.class)
                .hasMessageStartingWith("Invalid baseline (mexa.baseline): " + notAReport + " is not a MEXA report");
    }

    @Test
    void rejectsMaxDropWithoutBaseline() {
        mojo.maxDrop = "0.05";

        assertThatThrownBy(mojo::execute).isInstanceOf(MojoExecutionException.class)
                .hasMessageStartingWith("maxDrop (mexa.maxDrop) is set but baseline (mexa.baseline) is not");
    }

    @Test
    void rejectsAThresholdForALanguageThatIsNotScoredBeforeScoring() {
        mojo.languages = "deu_Latn,fra_Latn";
        mojo.thresholds = Map.of("swh_Latn", "0.3");

        assertThatThrownBy(mojo::execute).isInstanceOf(MojoExecutionException.class)
                .hasMessageStartingWith("The minimum for swh_Latn (thresholds, mexa.thresholds, @MinScore) names a"
                        + " language that is not among the scored languages (deu_Latn, eng_Latn, fra_Latn)");
        assertThat(log.lines()).noneMatch(line -> line.contains("Scored"));
    }

    @Test
    void rejectsValuesOutsideTheUnitIntervalNamingTheParameter() {
        mojo.minScore = "1.5";
        assertThatThrownBy(mojo::execute).isInstanceOf(MojoExecutionException.class)
                .hasMessageStartingWith("Invalid minScore (mexa.minScore) '1.5': it must lie in [0, 1]");

        mojo.minScore = null;
        mojo.thresholds = Map.of("deu_Latn", "150%");
        assertThatThrownBy(mojo::execute).hasMessageStartingWith("Invalid thresholds deu_Latn '150%'");

        mojo.thresholds = null;
        mojo.thresholdList = "deu_Latn:-0.2";
        assertThatThrownBy(mojo::execute).hasMessageStartingWith("Invalid mexa.thresholds deu_Latn '-0.2'");

        mojo.thresholdList = null;
        mojo.englishScoreList = "belebele:89";
        assertThatThrownBy(mojo::execute).hasMessageStartingWith("Invalid mexa.englishScores belebele '89'");
    }

    @Test
    void rejectsBothModelAndEmbeddings() {
        mojo.model = work.toFile();

        assertThatThrownBy(mojo::execute).isInstanceOf(MojoExecutionException.class)
                .hasMessageStartingWith("Both model (mexa.model) and embeddings (mexa.embeddings) are set");
    }

    @Test
    void rejectsNeitherModelNorEmbeddings() {
        mojo.embeddings = null;

        assertThatThrownBy(mojo::execute).isInstanceOf(MojoExecutionException.class)
                .hasMessageStartingWith("No input: set model (mexa.model)");
    }

    @Test
    void aModelWithoutCorpusRunsOverTheBundledFlores200AndTheReportsNameIt() throws Exception {
        mojo.embeddings = null;
        mojo.model = exampleModel().toFile();
        mojo.languages = "deu_Latn";
        mojo.sentences = 10;
        mojo.device = "cpu";

        mojo.execute();

        JsonObject report = JsonParser.parseString(Files.readString(output.resolve(ReportWriter.JSON)))
                .getAsJsonObject();
        assertThat(report.get("corpus").getAsString()).isEqualTo(BUNDLED);
        assertThat(report.get("sentences").getAsInt()).isEqualTo(10);
        assertThat(Files.readString(output.resolve(ReportWriter.MARKDOWN))).contains("Corpus: `" + BUNDLED + "`");
    }

    @Test
    void moreSentencesThanTheBundledCorpusHoldsPointAtCorpus() throws IOException {
        mojo.embeddings = null;
        mojo.model = exampleModel().toFile();
        mojo.sentences = 101;

        assertThatThrownBy(mojo::execute).isInstanceOf(MojoExecutionException.class)
                .hasMessage("sentences (mexa.sentences) is 101, but the bundled FLORES-200 devtest corpus holds the"
                        + " first 100 sentences of each language: set corpus (mexa.corpus) to a directory with more,"
                        + " such as the full FLORES-200 devtest (1012 sentences), or score at most 100.");
        assertThat(output).doesNotExist();
    }

    private Path exampleModel() {
        Path model = work.resolve("model");
        new ExampleProject(ExampleProject.DEFAULT_ALIGNMENT, 42).writeModel(model);
        return model;
    }

    @Test
    void addsEstimatedTaskScoresFromBothForms() throws Exception {
        mojo.englishScores = Map.of("belebele", "0.8");
        mojo.englishScoreList = "m-mmlu:50%";

        mojo.execute();

        String json = Files.readString(output.resolve(ReportWriter.JSON));
        assertThat(json).contains("\"estimatedScores\": {\n        \"belebele\": 0.576,\n        \"m-mmlu\": 0.36");
        assertThat(Files.readString(output.resolve(ReportWriter.CSV)))
                .startsWith("language,pivot,sentences,score,score_lower,score_upper,threshold,baseline,verdict,"
                        + "estimated_belebele,estimated_m-mmlu,");
    }

    private Path baselineWith(String language, double score, String pooling) throws IOException {
        EvaluateMojo earlier = MojoDefaults.evaluateMojo(new RecordingLog());
        earlier.embeddings = List.of(embeddings().toFile());
        earlier.pooling = pooling;
        earlier.outputDirectory = work.resolve("earlier").toFile();
        try {
            earlier.execute();
        } catch (MojoExecutionException | MojoFailureException e) {
            throw new IllegalStateException(e);
        }
        MexaReport report = ReportJson.read(work.resolve("earlier").resolve(ReportWriter.JSON));
        Map<String, LanguageResult> languages = new LinkedHashMap<>(report.languages());
        languages.put(language, LanguageResult.ungated(language, false, 40, score, new double[] {score}));
        return Files.writeString(work.resolve("mexa-baseline.json"), ReportJson.toJson(report.with(languages,
                List.of())));
    }

    /** Issue 10, stale results: a run that fails leaves none of the previous run's reports behind. */
    @Test
    void aFailedRunLeavesNoReportOfThePreviousRun() throws Exception {
        mojo.minScore = "0";
        mojo.execute();
        assertThat(output.resolve(ReportWriter.MARKDOWN)).content().contains("All MEXA checks have been met");

        mojo.minScore = "0x1p-1";
        assertThatThrownBy(mojo::execute).isInstanceOf(MojoExecutionException.class)
                .hasMessage("Invalid minScore (mexa.minScore) '0x1p-1': write a fraction such as 0.85 or a percentage"
                        + " such as 85%.");
        assertThat(output.resolve(ReportWriter.JSON)).doesNotExist();
        assertThat(output.resolve(ReportWriter.MARKDOWN)).doesNotExist();
        assertThat(output.resolve(ReportWriter.CSV)).doesNotExist();
        assertThat(log.at("INFO")).contains("Removed the previous MEXA reports from " + output);
    }

    /** Issue 10, gates that cannot fail: too few sentences for a gate fails the build unless lowered explicitly. */
    @Test
    void tooFewSentencesToGateFailTheBuildUnlessMinSentencesIsLowered() throws Exception {
        mojo.minScore = "0";
        mojo.minSentences = 41;
        assertThatThrownBy(mojo::execute).isInstanceOf(MojoExecutionException.class)
                .hasMessageStartingWith("Too few sentences to gate: deu_Latn (40), fra_Latn (40), swh_Latn (40),"
                        + " wol_Latn (40) scored on fewer than the 41 sentences that minSentences (mexa.minSentences)"
                        + " requires.");
        mojo.minSentences = 40;
        mojo.execute();
        assertThat(log.at("INFO")).contains("All MEXA checks have been met (4 languages)");
    }

    /** Issue 10: options that do not apply to recorded embeddings warn. */
    @Test
    void modelOptionsWithEmbeddingsWarn() throws Exception {
        mojo.sentences = 10;
        mojo.execute();
        assertThat(log.at("WARN")).contains("sentences (mexa.sentences) is set but applies to a model only: it is"
                + " ignored with embeddings (mexa.embeddings), as every recorded sentence is scored. Remove it.");
    }
    @Test
    void aShardScoresItsSliceAndLeavesTheOtherShardsThresholdsToThem() throws Exception {
        mojo.shard = "2/2";
        mojo.thresholdList = "deu_Latn:0.9,swh_Latn:0.05";

        mojo.execute();

        assertThat(writtenLanguages().keySet()).containsExactlyInAnyOrder("eng_Latn", "swh_Latn", "wol_Latn");
        assertThat(verdict("swh_Latn")).isEqualTo("PASS");
        assertThat(log.at("INFO")).contains("Shard 2/2: eng_Latn (pivot) and 2 of the 4 requested languages:"
                + " swh_Latn, wol_Latn", "Shard 2/2 leaves the thresholds of deu_Latn to the shards that score them.");
    }

    @Test
    void aMalformedShardFailsNamingTheParameter() {
        mojo.shard = "3/2";

        assertThatThrownBy(mojo::execute).isInstanceOf(MojoExecutionException.class)
                .hasMessageStartingWith("Invalid shard (mexa.shard) 3/2: K must be from 1 to N");
    }

    @Test
    void severalEmbeddingsDirectoriesAreScoredAsTheUnionOfTheirLanguages() throws Exception {
        Path first = Files.createDirectories(work.resolve("first"));
        Path second = Files.createDirectories(work.resolve("second"));
        for (String language : List.of("eng_Latn", "deu_Latn", "fra_Latn")) {
            Files.copy(embeddings().resolve(language + ".safetensors"), first.resolve(language + ".safetensors"));
        }
        for (String language : List.of("eng_Latn", "swh_Latn", "wol_Latn")) {
            Files.copy(embeddings().resolve(language + ".safetensors"), second.resolve(language + ".safetensors"));
        }
        mojo.embeddings = List.of(first.toFile(), second.toFile());

        mojo.execute();

        assertThat(writtenLanguages().keySet()).containsExactlyInAnyOrder("eng_Latn", "deu_Latn", "fra_Latn",
                "swh_Latn", "wol_Latn");
        assertThat(log.at("INFO")).anyMatch(line -> line.matches("deu_Latn\\s+0\\.720 .*"));
    }
}
