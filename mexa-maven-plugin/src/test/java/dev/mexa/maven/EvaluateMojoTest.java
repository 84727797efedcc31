package dev.mexa.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.mexa.core.MexaLog;
import dev.mexa.core.corpus.Shard;
import dev.mexa.core.embedding.EmbeddingMethod;
import dev.mexa.core.evaluate.EvaluationRequest;
import dev.mexa.core.evaluate.EvaluationSettings;
import dev.mexa.core.evaluate.ModelRunInput;
import dev.mexa.core.example.ExampleProject;
import dev.mexa.core.gate.GateRules;
import dev.mexa.core.report.LanguageResult;
import dev.mexa.core.report.MexaReport;
import dev.mexa.core.report.ReportJson;
import dev.mexa.core.report.ReportWriter;
import dev.mexa.core.runtime.ComputeDevice;
import dev.mexa.core.runtime.ComputeType;
import dev.mexa.core.runtime.ModelSettings;
import dev.mexa.core.score.LayerRange;
import dev.mexa.core.score.Pooling;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.maven.artifact.DefaultArtifact;
import org.apache.maven.artifact.handler.DefaultArtifactHandler;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
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
        // the goal's own tests score in this JVM; forksTheScorerByDefault... and the integration tests fork
        mojo.fork = false;
    }

    @Test
    void forksTheScorerByDefaultOnThePluginsClassPath() throws Exception {
        assertThat(MojoDefaults.evaluateMojo(new RecordingLog()).fork).isTrue();
        mojo.fork = true;
        mojo.plugin = new PluginDescriptor();
        List<org.apache.maven.artifact.Artifact> artifacts = new java.util.ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            DefaultArtifact artifact = new DefaultArtifact("test", "entry" + artifacts.size(), "1", "runtime", "jar",
                    null, new DefaultArtifactHandler("jar"));
            artifact.setFile(new java.io.File(entry));
            artifacts.add(artifact);
        }
        mojo.plugin.setArtifacts(artifacts);

        mojo.execute();

        assertThat(log.at("INFO")).anyMatch(line -> line.startsWith("Scoring in a forked JVM (OMP_WAIT_POLICY="))
                .anyMatch(line -> line.matches("deu_Latn\\s+0\\.720 .*"));
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

    /** A violated rule fails as a MojoFailureException, one error line per violation, after the reports. */
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

    /** Each gate parameter reaches mexa-core's request, which checks it; each rule's tests are in mexa-core. */
    @Test
    void theGateParametersReachTheRequest() throws IOException {
        mojo.minScore = "50%";
        mojo.thresholds = Map.of("deu_Latn", "0.9", "fra_Latn", "0.5");
        mojo.thresholdList = "deu_Latn:0.7";
        mojo.baseline = baselineWith("fra_Latn", 0.6).toFile();
        mojo.maxDrop = "0.05";
        mojo.minSentences = 40;
        mojo.englishScores = Map.of("belebele", "0.8");
        mojo.englishScoreList = "m-mmlu:50%";

        EvaluationRequest request = mojo.request(MexaLog.silent());

        GateRules gate = request.gate();
        assertThat(gate.minScore()).isEqualTo(0.5);
        assertThat(gate.thresholds()).containsOnly(Map.entry("deu_Latn", 0.7), Map.entry("fra_Latn", 0.5));
        assertThat(gate.baselineName()).isEqualTo("mexa-baseline.json");
        assertThat(gate.baseline().score("fra_Latn")).isEqualTo(0.6);
        assertThat(gate.maxDrop()).isEqualTo(0.05);
        assertThat(gate.minSentences()).isEqualTo(40);
        assertThat(request.englishScores()).containsOnly(Map.entry("belebele", 0.8), Map.entry("m-mmlu", 0.5));
    }

    /** Each scoring parameter reaches mexa-core's request, which checks it. */
    @Test
    void theScoringParametersReachTheRequest() {
        mojo.embeddings = null;
        mojo.model = work.resolve("model").toFile();
        mojo.corpus = work.resolve("corpus").toFile();
        mojo.sentences = 50;
        mojo.embedding = "last-token";
        mojo.device = "cpu";
        mojo.dtype = "float32";
        mojo.batchSize = 8;
        mojo.batchTokens = 512;
        mojo.threads = 2;
        mojo.halfWeights = true;
        mojo.cacheDirectory = work.resolve("cache").toFile();
        mojo.exportEmbeddings = work.resolve("export").toFile();
        mojo.pivot = "fra_Latn";
        mojo.languages = "swh_Latn, deu_Latn";
        mojo.pooling = "max";
        mojo.layers = "1-";
        mojo.shard = "2/2";

        EvaluationRequest request = mojo.request(MexaLog.silent());

        assertThat(request.input()).isEqualTo(new ModelRunInput(ModelSettings.builder().model(work.resolve("model"))
                .corpus(work.resolve("corpus")).sentences(50).method(EmbeddingMethod.LAST_TOKEN)
                .device(ComputeDevice.CPU).dtype(ComputeType.FLOAT32).batchSize(8).batchTokens(512).threads(2)
                .halfWeights(true).cacheDirectory(work.resolve("cache")).exportEmbeddings(work.resolve("export"))
                .shard(Shard.parse("2/2")).build()));
        assertThat(request.settings()).isEqualTo(new EvaluationSettings("fra_Latn", List.of("swh_Latn", "deu_Latn"),
                Pooling.MAX, new LayerRange(1, -1), Shard.parse("2/2")));
        mojo.cache = false;
        assertThat(((ModelRunInput) mojo.request(MexaLog.silent()).input()).settings().cacheDirectory()).isNull();
    }

    @Test
    void withoutInputTheErrorNamesModelArtifactToo() {
        mojo.embeddings = null;

        assertThatThrownBy(mojo::execute).isInstanceOf(MojoExecutionException.class)
                .hasMessageStartingWith("No input: set model (mexa.model) or modelArtifact (mexa.modelArtifact) to"
                        + " run a checkpoint, over corpus (mexa.corpus) or by default the bundled FLORES-200 devtest");
    }

    /** A rule that cannot apply fails as a MojoExecutionException with mexa-core's message, before scoring. */
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

    private Path exampleModel() {
        Path model = work.resolve("model");
        new ExampleProject(ExampleProject.DEFAULT_ALIGNMENT, 42).writeModel(model);
        return model;
    }

    private Path baselineWith(String language, double score) throws IOException {
        EvaluateMojo earlier = MojoDefaults.evaluateMojo(new RecordingLog());
        earlier.embeddings = List.of(embeddings().toFile());
        earlier.outputDirectory = work.resolve("earlier").toFile();
        earlier.fork = false;
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
