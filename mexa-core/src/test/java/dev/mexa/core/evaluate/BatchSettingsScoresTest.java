package dev.mexa.core.evaluate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mexa.core.MexaLog;
import dev.mexa.core.example.ExampleProject;
import dev.mexa.core.report.MexaReport;
import java.nio.file.Path;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embeddings cache key leaves out batchSize, batchTokens and threads: they change a sentence's embedding only
 * at float rounding (padding is masked), and the scores, counts of strict maxima of cosines, stay the same.
 */
class BatchSettingsScoresTest {

    @TempDir
    Path temp;

    @Test
    void batchCompositionAndThreadsDoNotChangeAnyScore() {
        ExampleProject example = new ExampleProject(ExampleProject.DEFAULT_ALIGNMENT, 3);
        example.writeModel(temp.resolve("model"));
        example.writeCorpus(temp.resolve("corpus"), 60);

        MexaReport defaults = score(builder -> builder);
        MexaReport single = score(builder -> builder.batchSize(1).threads(1));
        MexaReport smallBudget = score(builder -> builder.batchSize(7).batchTokens(40).threads(2));

        for (MexaReport other : new MexaReport[] {single, smallBudget}) {
            defaults.languages().forEach((code, result) -> {
                assertThat(other.languages().get(code).layerScores()).as(code).isEqualTo(result.layerScores());
                assertThat(other.languages().get(code).score()).as(code).isEqualTo(result.score());
            });
        }
    }

    private MexaReport score(UnaryOperator<EvaluationRequest.Builder> settings) {
        EvaluationRequest request = settings.apply(EvaluationRequest.builder().model(temp.resolve("model"))
                .corpus(temp.resolve("corpus")).device("cpu").cache(false)).build();
        return new InProcessExecutor().score(request, MexaLog.silent());
    }
}
