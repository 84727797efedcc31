package dev.mexa.core.evaluate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mexa.core.RecordingLog;
import dev.mexa.core.example.ExampleProject;
import dev.mexa.core.gate.GateResult;
import dev.mexa.core.gate.GateRules;
import dev.mexa.core.report.LanguageResult;
import dev.mexa.core.report.MexaReport;
import dev.mexa.core.report.Verdict;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run split into shards, each exporting its embeddings, then merged with {@code embeddings}: the merged scores equal
 * one whole run's exactly, and each shard gates only the languages it scores.
 */
class ShardedRunTest {

    private static final int SENTENCES = 40;

    @TempDir
    static Path temp;

    @BeforeAll
    static void writeModelAndCorpus() {
        ExampleProject project = new ExampleProject(ExampleProject.DEFAULT_ALIGNMENT, 42);
        project.writeModel(temp.resolve("model"));
        project.writeCorpus(temp.resolve("corpus"), SENTENCES);
    }

    private static EvaluationRequest.Builder modelRun() {
        return EvaluationRequest.builder().model(temp.resolve("model")).corpus(temp.resolve("corpus"))
                .sentences(SENTENCES).device("cpu").cache(false).minSentences(SENTENCES);
    }

    private static MexaReport run(EvaluationRequest request, List<String> lines) {
        return Evaluation.run(request, new InProcessExecutor(), new RecordingLog(lines)).report();
    }

    @Test
    void mergedShardExportsScoreExactlyAsOneWholeRun() {
        List<String> lines = new ArrayList<>();
        MexaReport whole = run(modelRun().build(), lines);
        MexaReport first = run(modelRun().shard("1/2").exportEmbeddings(temp.resolve("shard-1")).build(), lines);
        MexaReport second = run(modelRun().shard("2/2").exportEmbeddings(temp.resolve("shard-2")).build(), lines);
        MexaReport merged = run(EvaluationRequest.builder().embeddings(List.of(temp.resolve("shard-1"),
                temp.resolve("shard-2"))).minSentences(SENTENCES).build(), lines);

        assertThat(first.languages()).containsOnlyKeys("eng_Latn", "deu_Latn", "fra_Latn");
        assertThat(second.languages()).containsOnlyKeys("eng_Latn", "swh_Latn", "wol_Latn");
        assertThat(lines).contains("Shard 2/2: eng_Latn (pivot) and 2 of the 4 requested languages: swh_Latn,"
                + " wol_Latn");
        assertThat(merged.languages().keySet()).isEqualTo(whole.languages().keySet());
        for (LanguageResult expected : whole.languages().values()) {
            LanguageResult actual = merged.result(expected.language());
            assertThat(actual.score()).as(expected.language()).isEqualTo(expected.score());
            assertThat(actual.layerScores()).as(expected.language()).containsExactly(expected.layerScores());
            assertThat(actual.sentences()).isEqualTo(expected.sentences());
            LanguageResult sharded = (first.languages().containsKey(expected.language()) ? first : second)
                    .result(expected.language());
            assertThat(sharded.layerScores()).as(expected.language()).containsExactly(expected.layerScores());
        }
    }

    @Test
    void aShardGatesItsOwnLanguagesAndLeavesTheOtherShardsThresholdsToThem() {
        List<String> lines = new ArrayList<>();
        GateRules rules = GateRules.builder().minScore(0.5).threshold("swh_Latn", 0.9).threshold("deu_Latn", 0.1)
                .build();
        GateResult result = Evaluation.run(modelRun().shard("1/2").gate(rules).build(), new InProcessExecutor(),
                new RecordingLog(lines));

        assertThat(lines).contains("Shard 1/2 leaves the thresholds of swh_Latn to the shards that score them.");
        assertThat(result.report().result("deu_Latn").threshold()).isEqualTo(0.1);
        assertThat(result.report().result("deu_Latn").verdict()).isEqualTo(Verdict.PASS);
        assertThat(result.report().result("fra_Latn").threshold()).isEqualTo(0.5);
        assertThat(result.report().languages()).doesNotContainKeys("swh_Latn", "wol_Latn");
    }
}
