package dev.mexa.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.TestExecutionResult.Status.FAILED;
import static org.junit.platform.engine.TestExecutionResult.Status.SUCCESSFUL;

import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/**
 * {@code @MexaEvaluation(shard = "K/N")} scores one slice of the sorted languages; {@link MinScore}s on the other
 * slices' languages are left to their runs, and a malformed shard fails the class naming the attribute.
 */
class ShardAttributeTest {

    @BeforeAll
    static void writeEmbeddings() {
        ExampleInputs.embeddings();
    }

    @Test
    void aShardScoresItsSliceAndGatesOnlyItsLanguages() {
        EngineExecutionResults results = TestKitRuns.run(FirstShard.class);

        assertThat(TestKitRuns.statuses(results.testEvents())).containsExactlyInAnyOrderEntriesOf(Map.of(
                "ownLanguageMissed", FAILED, "otherShardsLanguage", SUCCESSFUL));
        assertThat(TestKitRuns.failureMessage(results.testEvents(), "ownLanguageMissed")).isEqualTo("""
                Rule violated for language deu_Latn: MEXA score is 0.72, but expected minimum is 0.80
                MEXA checks have not been met (1 of 1 language)""");
        assertThat(TestKitRuns.reportEntries(results)).containsExactly(Map.of("deu_Latn", "0.720"),
                Map.of("fra_Latn", "0.515"));
    }

    @Test
    void aMalformedShardFailsTheClassNamingTheAttribute() {
        EngineExecutionResults results = TestKitRuns.run(MalformedShard.class);

        assertThat(TestKitRuns.failureMessage(results.containerEvents(), "MalformedShard")).isEqualTo(
                "@MexaEvaluation: Invalid shard (mexa.shard) 3/2: K must be from 1 to N (K/N, e.g. 2/4 for the"
                        + " second of four jobs).");
    }

    /** Shard 1/2 of deu_Latn, fra_Latn, swh_Latn, wol_Latn: deu_Latn and fra_Latn. */
    @Tag(TestKitRuns.EXAMPLE_TAG)
    @MexaEvaluation(embeddings = ExampleInputs.EMBEDDINGS, shard = "1/2")
    @MinScore(language = "swh_Latn", value = 0.3)
    static class FirstShard {

        @Test
        @MinScore(language = "deu_Latn", value = 0.8)
        void ownLanguageMissed() {
        }

        @Test
        @MinScore(language = "wol_Latn", value = 0.5)
        void otherShardsLanguage() {
        }
    }

    /** K above N. */
    @Tag(TestKitRuns.EXAMPLE_TAG)
    @MexaEvaluation(embeddings = ExampleInputs.EMBEDDINGS, shard = "3/2")
    static class MalformedShard {

        @Test
        void neverRuns() {
        }
    }
}
