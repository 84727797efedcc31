package dev.mexa.core.evaluate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mexa.core.MexaConfigurationException;
import dev.mexa.core.MexaException;
import dev.mexa.core.MexaLog;
import dev.mexa.core.corpus.Shard;
import dev.mexa.core.embedding.EmbeddingSource;
import dev.mexa.core.gate.GateRules;
import dev.mexa.core.runtime.ModelEmbeddings;
import dev.mexa.core.runtime.ModelSettings;
import dev.mexa.core.runtime.TinyCheckpoint;
import dev.mexa.core.runtime.TinyModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every setting is checked when the request is built, or, where it needs the input, before a model loads. */
class EvaluationRequestTest {

    private static final Path MODEL = Path.of("model");
    private static final Path CORPUS = Path.of("corpus");

    @TempDir
    Path temp;

    private static EvaluationRequest.Builder modelRun() {
        return EvaluationRequest.builder().model(MODEL).corpus(CORPUS);
    }

    @Test
    void mapsAModelRunWithTheDefaultsOfBothFrontEnds() {
        EvaluationRequest request = modelRun().build();

        assertThat(request.input()).isEqualTo(new ModelRunInput(ModelSettings.builder().model(MODEL).corpus(CORPUS)
                .cacheDirectory(EvaluationRequest.DEFAULT_CACHE_DIRECTORY).build()));
        assertThat(EvaluationRequest.DEFAULT_CACHE_DIRECTORY)
                .isEqualTo(Path.of(System.getProperty("user.home"), ".cache", "mexa", "embeddings"));
        assertThat(modelRun().cache(false).build().input()).isEqualTo(new ModelRunInput(ModelSettings.defaults(MODEL,
                CORPUS)));
        assertThat(modelRun().cacheDirectory(temp).threads(3).batchTokens(512).halfWeights(true).build().input())
                .isEqualTo(new ModelRunInput(ModelSettings.builder().model(MODEL).corpus(CORPUS).cacheDirectory(temp)
                        .threads(3).batchTokens(512).halfWeights(true).build()));
        assertThat(request.settings()).isEqualTo(EvaluationSettings.defaults());
        assertThat(request.gate()).isEqualTo(GateRules.none());
    }

    @Test
    void needsExactlyOneOfModelAndEmbeddings() {
        assertThatThrownBy(() -> modelRun().embeddings(List.of(Path.of("e"))).build())
                .isInstanceOf(MexaException.class)
                .hasMessageStartingWith("Both model (mexa.model) and embeddings (mexa.embeddings) are set");
        assertThatThrownBy(() -> EvaluationRequest.builder().build()).isInstanceOf(MexaException.class)
                .hasMessage("No input: set model (mexa.model) to run a checkpoint, over corpus (mexa.corpus) or by"
                        + " default the bundled FLORES-200 devtest, or embeddings (mexa.embeddings) to a directory of"
                        + " <lang>.safetensors files.");
        assertThatThrownBy(() -> EvaluationRequest.builder().modelSettings("model (m) or modelArtifact (a)").build())
                .hasMessageStartingWith("No input: set model (m) or modelArtifact (a) to run a checkpoint, over");
        assertThatThrownBy(() -> EvaluationRequest.builder().embeddings(List.of(Path.of("e"))).corpus(CORPUS).build())
                .hasMessageStartingWith("corpus (mexa.corpus) applies to a model only");
    }

    @Test
    void aModelWithoutCorpusRunsOverTheBundledCorpus() {
        assertThat(EvaluationRequest.builder().model(MODEL).build().input())
                .isEqualTo(new ModelRunInput(ModelSettings.builder().model(MODEL)
                        .cacheDirectory(EvaluationRequest.DEFAULT_CACHE_DIRECTORY).build()));
    }

    @Test
    void readsOneOrSeveralEmbeddingsDirectoriesEachOnce() {
        assertThat(EvaluationRequest.builder().embeddings(List.of(Path.of("e"))).build().input())
                .isEqualTo(new EmbeddingsInput(List.of(Path.of("e"))));
        assertThat(EvaluationRequest.builder().embeddings(List.of(Path.of("a"), Path.of("b"))).build().input())
                .isEqualTo(new EmbeddingsInput(List.of(Path.of("a"), Path.of("b"))));
        assertThatThrownBy(() -> EvaluationRequest.builder().embeddings(List.of(Path.of("a"), Path.of("b"),
                Path.of("a"))).build()).isInstanceOf(MexaException.class)
                .hasMessage("embeddings (mexa.embeddings) names a more than once: list each directory once.");
    }

    @Test
    void aShardIsCheckedInTheRequestAndReachesTheExport() {
        EvaluationRequest request = modelRun().shard("2/3").exportEmbeddings(temp).build();

        assertThat(request.settings().shard()).isEqualTo(new Shard(2, 3));
        assertThat(((ModelRunInput) request.input()).settings().shard()).isEqualTo(new Shard(2, 3));
        assertThat(modelRun().build().settings().shard()).isEqualTo(Shard.WHOLE);
        assertThatThrownBy(() -> modelRun().shard("2of3").build()).isInstanceOf(MexaException.class)
                .hasMessageStartingWith("Invalid shard (mexa.shard) '2of3': write K/N");
        assertThatThrownBy(() -> modelRun().shard("4/3").build()).isInstanceOf(MexaException.class)
                .hasMessageStartingWith("Invalid shard (mexa.shard) 4/3: K must be from 1 to N");
    }

    @Test
    void listedLanguagesAreSlicedInTheRequestSoThatTooManyShardsFailAtOnce() {
        assertThat(modelRun().languages(List.of("eng_Latn", "deu_Latn", "fra_Latn")).shard("2/2").build()
                .settings().shard()).isEqualTo(new Shard(2, 2));
        assertThatThrownBy(() -> modelRun().languages(List.of("eng_Latn", "deu_Latn", "fra_Latn")).shard("1/3")
                .build()).isInstanceOf(MexaException.class)
                .hasMessage("shard (mexa.shard) 1/3 splits 2 languages (the pivot excluded) into 3 shards, so some"
                        + " shard would have none: use at most 2 shards, or request more languages.");
    }

    @Test
    void aShardEmbedsItsSliceOfTheFoundLanguagesAndChecksThresholdsAgainstThemAll() throws IOException {
        Path corpus = Files.createDirectories(temp.resolve("corpus"));
        for (String language : List.of("eng_Latn", "deu_Latn", "fra_Latn", "swh_Latn", "wol_Latn")) {
            Files.writeString(corpus.resolve(language + ".txt"), "w1 w2\n");
        }
        try (EmbeddingSource source = new ModelEmbeddings(ModelSettings.defaults(TinyCheckpoint.write(
                temp.resolve("model"), TinyModel.gpt2()).directory, corpus), MexaLog.silent())) {
            EvaluationSettings settings = modelRun().shard("2/2").build().settings();
            EvaluationPlan plan = EvaluationPlan.of(settings, source);

            assertThat(plan.sentences()).containsOnlyKeys("eng_Latn", "deu_Latn", "fra_Latn", "swh_Latn", "wol_Latn");
            assertThat(plan.targets()).containsExactly("swh_Latn", "wol_Latn");
            plan.check(GateRules.builder().threshold("deu_Latn", 0.5).threshold("wol_Latn", 0.5).minSentences(1)
                    .build());
            assertThatThrownBy(() -> plan.check(GateRules.builder().threshold("deu_Ltan", 0.5).minSentences(1)
                    .build()))
                    .hasMessageStartingWith("The minimum for deu_Ltan (thresholds, mexa.thresholds, @MinScore) names"
                            + " a language that is not among the scored languages");
            assertThatThrownBy(() -> EvaluationPlan.of(modelRun().shard("5/5").build().settings(), source))
                    .hasMessageStartingWith("shard (mexa.shard) 5/5 splits 4 languages");
        }
    }

    @Test
    void sentencesAndBatchSizeArePositive() {
        assertThatThrownBy(() -> modelRun().sentences(0).build()).isInstanceOf(MexaException.class)
                .hasMessage("Invalid sentences (mexa.sentences) 0: it must be at least 1.");
        assertThatThrownBy(() -> modelRun().batchSize(-1).build()).isInstanceOf(MexaException.class)
                .hasMessage("Invalid batchSize (mexa.batchSize) -1: it must be at least 1.");
    }

    @Test
    void minimumsLieWithinZeroAndOne() {
        assertThatThrownBy(() -> GateRules.builder().threshold("deu_Latn", 1.5).build())
                .isInstanceOf(MexaException.class)
                .hasMessageStartingWith("Invalid minimum for deu_Latn (thresholds, mexa.thresholds, @MinScore)"
                        + " '1.5': it must lie in [0, 1]");
        assertThatThrownBy(() -> GateRules.builder().minScore(-0.1).build())
                .hasMessageStartingWith("Invalid minScore (mexa.minScore) '-0.1'");
    }

    @Test
    void aLayerRangeErrorNamesTheSetting() {
        assertThatThrownBy(() -> modelRun().layers("5-2").build()).isInstanceOf(MexaException.class)
                .hasMessage("Invalid layers (mexa.layers) '5-2': use FROM-TO or FROM- with 0 <= FROM <= TO, e.g. 8-24"
                        + " (0 is the embedding output).");
    }

    @Test
    void pivotAndLanguagesAreNotBlank() {
        assertThatThrownBy(() -> modelRun().pivot(" ").build())
                .hasMessageStartingWith("pivot (mexa.pivot) must not be blank");
        assertThatThrownBy(() -> modelRun().languages(List.of("deu_Latn", "")).build())
                .hasMessageStartingWith("languages (mexa.languages) must not be blank");
    }

    @Test
    void aThresholdForALanguageNotScoredFailsBeforeTheWeightsLoad() throws IOException {
        EvaluationRequest request = EvaluationRequest.builder().model(weightlessModel()).corpus(corpus("w1 w2\n",
                "w3 w4\n")).device("cpu").gate(GateRules.builder().threshold("deu_Ltan", 0.5).build()).build();

        assertThatThrownBy(() -> Evaluation.run(request, new InProcessExecutor(), MexaLog.silent()))
                .isInstanceOf(MexaException.class)
                .hasMessage("The minimum for deu_Ltan (thresholds, mexa.thresholds, @MinScore) names a language that"
                        + " is not among the scored languages (deu_Latn, eng_Latn): fix the language code, or add the"
                        + " language to the input and to languages (mexa.languages).");
    }

    @Test
    void tooFewCorpusSentencesForTheGateFailBeforeTheWeightsLoad() throws IOException {
        EvaluationRequest request = EvaluationRequest.builder().model(weightlessModel())
                .corpus(corpus("w1 w2\nw3\n", "w3 w4\nw1\n")).device("cpu").cache(false).gate(GateRules.builder().minScore(0.5).build()).build();

        assertThatThrownBy(() -> Evaluation.run(request, new InProcessExecutor(), MexaLog.silent()))
                .isInstanceOf(MexaConfigurationException.class)
                .hasMessageStartingWith("Too few sentences to gate: deu_Latn (2) scored on fewer than the 30"
                        + " sentences that minSentences (mexa.minSentences) requires.");
    }

    @Test
    void laterGatesAreCheckedBeforeTheWeightsLoadWithTheRequestsMinSentences() throws IOException {
        EvaluationRequest.Builder request = EvaluationRequest.builder().model(weightlessModel())
                .corpus(corpus("w1 w2\n", "w3 w4\n")).device("cpu").cache(false).minSentences(1);
        EvaluationRequest misspelt = request.laterGates(List.of(GateRules.builder()
                .threshold("deu_Ltan", 0.5, "@MinScore on a test").build())).build();

        assertThat(misspelt.laterGates()).singleElement().extracting(GateRules::minSentences).isEqualTo(1);
        assertThatThrownBy(() -> Evaluation.run(misspelt, new InProcessExecutor(), MexaLog.silent()))
                .isInstanceOf(MexaConfigurationException.class)
                .hasMessageStartingWith("The minimum for deu_Ltan (@MinScore on a test) names a language that is not"
                        + " among the scored languages (deu_Latn, eng_Latn)");
    }

    @Test
    void aLayerRangeBeyondTheModelsHiddenStatesFailsBeforeTheWeightsLoad() throws IOException {
        Path model = weightlessModel();
        Files.writeString(model.resolve("model.safetensors"), "not a safetensors file");
        EvaluationRequest.Builder request = EvaluationRequest.builder().model(model)
                .corpus(corpus("w1 w2\n", "w3 w4\n")).device("cpu").cache(false).minSentences(1);

        assertThatThrownBy(() -> Evaluation.run(request.layers("1-3").build(), new InProcessExecutor(),
                MexaLog.silent())).isInstanceOf(MexaConfigurationException.class)
                .hasMessage("Layer range 1-3 goes beyond the 3 hidden states of " + model + " (0..2): narrow layers"
                        + " (mexa.layers).");
        assertThatThrownBy(() -> Evaluation.run(request.layers("1-2").build(), new InProcessExecutor(),
                MexaLog.silent())).hasMessageContaining("model.safetensors").hasMessageNotContaining("mexa.layers");
    }

    /** A checkpoint without its weights: a run that loads it fails. */
    private Path weightlessModel() throws IOException {
        TinyCheckpoint checkpoint = TinyCheckpoint.write(temp.resolve("model"), TinyModel.gpt2());
        Files.delete(checkpoint.directory.resolve("model.safetensors"));
        return checkpoint.directory;
    }

    private Path corpus(String english, String german) throws IOException {
        Path corpus = Files.createDirectories(temp.resolve("corpus"));
        Files.writeString(corpus.resolve("eng_Latn.txt"), english);
        Files.writeString(corpus.resolve("deu_Latn.txt"), german);
        return corpus;
    }

    @Test
    void aThresholdForThePivotIsRejected() {
        EvaluationPlan plan = new EvaluationPlan(EvaluationSettings.defaults(), "weighted-average",
                List.of("deu_Latn"), Map.of("eng_Latn", 100, "deu_Latn", 100));

        assertThatThrownBy(() -> plan.check(GateRules.builder().threshold("eng_Latn", 0.5).build()))
                .hasMessageStartingWith("The minimum for eng_Latn (thresholds, mexa.thresholds, @MinScore) names"
                        + " the pivot");
    }

    /** Issue 10: options that do not apply to the chosen input warn instead of being silently ignored. */
    @Test
    void modelOptionsWithRecordedEmbeddingsWarn() {
        EvaluationRequest request = EvaluationRequest.builder().embeddings(List.of(Path.of("embeddings")))
                .sentences(10).batchSize(2).dtype("float16").build();
        assertThat(request.warnings()).containsExactly(
                "sentences (mexa.sentences) is set but applies to a model only: it is ignored with embeddings"
                        + " (mexa.embeddings), as every recorded sentence is scored. Remove it.",
                "batchSize (mexa.batchSize) is set but applies to a model only: it is ignored with embeddings"
                        + " (mexa.embeddings), as no model runs. Remove it.",
                "dtype (mexa.dtype) is set but applies to a model only: it is ignored with embeddings"
                        + " (mexa.embeddings), as no model runs. Remove it.");
        assertThat(EvaluationRequest.builder().embeddings(List.of(Path.of("embeddings"))).build().warnings())
                .isEmpty();
        assertThat(modelRun().sentences(10).batchSize(2).build().warnings()).isEmpty();
    }

    @Test
    void theNewerModelOptionsWithRecordedEmbeddingsWarnToo() {
        EvaluationRequest request = EvaluationRequest.builder().embeddings(List.of(Path.of("embeddings")))
                .threads(2).batchTokens(512).halfWeights(true).cache(false).cacheDirectory(temp).build();

        assertThat(request.warnings()).extracting(line -> line.substring(0, line.indexOf(" is set"))).containsExactly(
                "threads (mexa.threads)", "batchTokens (mexa.batchTokens)", "halfWeights (mexa.halfWeights)",
                "cache (mexa.cache)", "cacheDirectory (mexa.cacheDirectory)");
        assertThat(request.warnings().get(3)).endsWith("as recorded embeddings are read, never cached. Remove it.");
    }

    @Test
    void minSentencesIsCheckedOnceInTheRequestAndCarriedByTheGate() {
        assertThat(modelRun().build().gate().minSentences()).isEqualTo(GateRules.DEFAULT_MIN_SENTENCES);
        assertThat(modelRun().gate(GateRules.builder().minScore(0.5).build()).minSentences(5).build().gate())
                .isEqualTo(GateRules.builder().minScore(0.5).minSentences(5).build());
        assertThatThrownBy(() -> modelRun().minSentences(0).build()).isInstanceOf(MexaException.class)
                .hasMessageStartingWith("Invalid minSentences (mexa.minSentences) 0: it must be at least 1");
    }
}
