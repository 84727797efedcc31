package dev.mexa.core.evaluate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.mexa.core.MexaConfigurationException;
import dev.mexa.core.MexaException;
import dev.mexa.core.corpus.Shard;
import dev.mexa.core.MexaLog;
import dev.mexa.core.embedding.EmbeddingFiles;
import dev.mexa.core.embedding.EmbeddingMethod;
import dev.mexa.core.embedding.ImportedEmbeddings;
import dev.mexa.core.report.MexaReport;
import dev.mexa.core.report.Verdict;
import dev.mexa.core.score.LayerRange;
import dev.mexa.core.score.Pooling;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MexaEvaluatorTest {

    @TempDir
    Path dir;

    /**
     * Two layers, three sentences, hidden 2. Pivot sentences are the vectors (1,0), (0,1), (1,1).
     * deu: layer 0 identical to the pivot (3 of 3 count); layer 1 sentence 0 and 1 swapped (only sentence 2 counts:
     * C[2][2] = 1 beats 0.707 everywhere in its row and column, while C[0][0] = 0 loses to C[0][1] = 1).
     * fra: four sentences, the first three equal to the pivot's: scored on the first three (3 of 3 in both layers).
     */
    @BeforeEach
    void writeEmbeddings() {
        float[] pivotLayer = {1, 0, 0, 1, 1, 1};
        float[] swapped = {0, 1, 1, 0, 1, 1};
        EmbeddingFiles.write(dir, "eng_Latn", new long[] {2, 3, 2}, concat(pivotLayer, pivotLayer),
                EmbeddingMethod.WEIGHTED_AVERAGE);
        EmbeddingFiles.write(dir, "deu_Latn", new long[] {2, 3, 2}, concat(pivotLayer, swapped),
                EmbeddingMethod.WEIGHTED_AVERAGE);
        float[] fraLayer = {1, 0, 0, 1, 1, 1, -1, 0.5f};
        EmbeddingFiles.write(dir, "fra_Latn", new long[] {2, 4, 2}, concat(fraLayer, fraLayer),
                EmbeddingMethod.WEIGHTED_AVERAGE);
    }

    private static float[] concat(float[] a, float[] b) {
        float[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private MexaReport evaluate(EvaluationSettings settings) {
        try (ImportedEmbeddings source = new ImportedEmbeddings(dir)) {
            return new MexaEvaluator().evaluate(source, EvaluationPlan.of(settings, source), MexaLog.silent());
        }
    }

    @Test
    void scoresMatchHandComputation() {
        MexaReport report = evaluate(EvaluationSettings.defaults());
        assertThat(report.pivot()).isEqualTo("eng_Latn");
        assertThat(report.embedding()).isEqualTo("weighted-average");
        assertThat(report.pooling()).isEqualTo("mean");
        assertThat(report.sentences()).isEqualTo(3);
        assertThat(report.layers()).isEqualTo(2);
        assertThat(report.languages().keySet()).containsExactly("deu_Latn", "eng_Latn", "fra_Latn");
        assertThat(report.result("deu_Latn").layerScores()).containsExactly(1.0, 1.0 / 3);
        assertThat(report.score("deu_Latn")).isCloseTo(2.0 / 3, within(1e-15));
        assertThat(report.result("eng_Latn").pivot()).isTrue();
        assertThat(report.score("eng_Latn")).isEqualTo(1.0);
        assertThat(report.result("deu_Latn").verdict()).isEqualTo(Verdict.NOT_GATED);
    }

    @Test
    void maxPoolingAndLayerRange() {
        EvaluationSettings max = new EvaluationSettings("eng_Latn", List.of("deu_Latn"), Pooling.MAX, LayerRange.ALL,
                Shard.WHOLE);
        assertThat(evaluate(max).score("deu_Latn")).isEqualTo(1.0);
        EvaluationSettings lastLayer = new EvaluationSettings("eng_Latn", List.of("deu_Latn"), Pooling.MEAN,
                LayerRange.parse("1-1"), Shard.WHOLE);
        MexaReport report = evaluate(lastLayer);
        assertThat(report.score("deu_Latn")).isCloseTo(1.0 / 3, within(1e-15));
        assertThat(report.languages().keySet()).containsExactly("deu_Latn", "eng_Latn");
    }

    @Test
    void differentSentenceCountsUseTheFirstOnesAndSaySo() {
        MexaReport report = evaluate(EvaluationSettings.defaults());
        assertThat(report.result("fra_Latn").sentences()).isEqualTo(3);
        assertThat(report.result("fra_Latn").layerScores()).containsExactly(1.0, 1.0);
        assertThat(report.notes()).containsExactly("fra_Latn has 4 sentences and the pivot 3: scored on the first 3.");
    }

    @Test
    void warnsWhenMostLanguagesSaturate() {
        float[] pivotLayer = {1, 0, 0, 1, 1, 1};
        EmbeddingFiles.write(dir, "ita_Latn", new long[] {2, 3, 2}, concat(pivotLayer, pivotLayer),
                EmbeddingMethod.WEIGHTED_AVERAGE);
        List<String> warnings = new java.util.ArrayList<>();
        MexaReport report;
        try (ImportedEmbeddings source = new ImportedEmbeddings(dir)) {
            report = new MexaEvaluator().evaluate(source, EvaluationPlan.of(EvaluationSettings.defaults(), source),
                    new MexaLog() {
                @Override
                public void info(String message) {
                }

                @Override
                public void warn(String message) {
                    warnings.add(message);
                }
            });
        }
        String saturated = "2 of 3 languages score 1.0 (fra_Latn, ita_Latn): the scores are saturated and cannot show"
                + " a language getting worse; use more or longer sentences (sentences) or a harder corpus.";
        assertThat(report.notes()).endsWith(saturated);
        assertThat(warnings).endsWith(saturated);
    }

    @Test
    void doesNotWarnWhenHalfOrFewerSaturate() {
        assertThat(evaluate(EvaluationSettings.defaults()).notes()).noneMatch(note -> note.contains("saturated"));
    }

    @Test
    void missingPivotIsAClearError() {
        EvaluationSettings settings = new EvaluationSettings("spa_Latn", List.of(), Pooling.MEAN, LayerRange.ALL,
                Shard.WHOLE);
        assertThatThrownBy(() -> evaluate(settings)).isInstanceOf(MexaException.class)
                .hasMessageContaining("pivot language spa_Latn is not in " + dir)
                .hasMessageContaining("deu_Latn, eng_Latn, fra_Latn").hasMessageContaining("mexa.pivot");
    }

    @Test
    void missingLanguageIsAClearError() {
        EvaluationSettings settings = new EvaluationSettings("eng_Latn", List.of("deu_Latn", "swh_Latn"),
                Pooling.MEAN, LayerRange.ALL, Shard.WHOLE);
        assertThatThrownBy(() -> evaluate(settings)).isInstanceOf(MexaException.class)
                .hasMessageContaining("swh_Latn requested in languages (mexa.languages) are not in " + dir);
    }

    @Test
    void aLayerRangeBeyondTheRecordedHiddenStatesFailsWhenPlanning() {
        EvaluationSettings settings = new EvaluationSettings("eng_Latn", List.of(), Pooling.MEAN,
                LayerRange.parse("1-2"), Shard.WHOLE);
        try (ImportedEmbeddings source = new ImportedEmbeddings(dir)) {
            assertThatThrownBy(() -> EvaluationPlan.of(settings, source))
                    .isInstanceOf(MexaConfigurationException.class)
                    .hasMessage("Layer range 1-2 goes beyond the 2 hidden states of " + dir + " (0..1): narrow layers"
                            + " (mexa.layers).");
        }
    }

    @Test
    void parsesLanguageLists() {
        assertThat(EvaluationSettings.parseLanguages(" deu_Latn, ,fra_Latn,deu_Latn ")).containsExactly("deu_Latn",
                "fra_Latn");
        assertThat(EvaluationSettings.parseLanguages(null)).isEmpty();
    }
}
