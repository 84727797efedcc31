package dev.mexa.core.report.html;

import dev.mexa.core.MexaLog;
import dev.mexa.core.embedding.EmbeddingFiles;
import dev.mexa.core.embedding.EmbeddingMethod;
import dev.mexa.core.embedding.ImportedEmbeddings;
import dev.mexa.core.evaluate.EvaluationPlan;
import dev.mexa.core.evaluate.EvaluationSettings;
import dev.mexa.core.evaluate.MexaEvaluator;
import dev.mexa.core.report.LanguageGate;
import dev.mexa.core.report.LanguageResult;
import dev.mexa.core.report.MexaReport;
import dev.mexa.core.report.ReportFixture;
import dev.mexa.core.report.ViolatedRule;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Realistic reports for the HTML tests: random embeddings in which each language shares a controlled part of the
 * pivot's signal (more in the middle layers, as in real models), scored by the real evaluator, then gated.
 */
final class SampleReports {

    /** The 30 languages of the sample run, pivot included. */
    static final List<String> LANGUAGES = List.of("eng_Latn", "deu_Latn", "fra_Latn", "spa_Latn", "ita_Latn",
            "por_Latn", "nld_Latn", "rus_Cyrl", "pol_Latn", "ces_Latn", "zho_Hans", "jpn_Jpan", "kor_Hang",
            "arb_Arab", "heb_Hebr", "hin_Deva", "ben_Beng", "tam_Taml", "tha_Thai", "vie_Latn", "ind_Latn",
            "tur_Latn", "ell_Grek", "ukr_Cyrl", "swh_Latn", "yor_Latn", "amh_Ethi", "khm_Khmr", "quy_Latn",
            "dzo_Tibt");
    /** Hidden states per language (a 12-layer model). */
    static final int LAYERS = 13;

    private static final int SENTENCES = 60;
    private static final int HIDDEN = 48;

    private SampleReports() {
    }

    /**
     * @param directory where the embeddings are written
     * @return the gated report of {@link #LANGUAGES}, with thresholds, baselines and estimated task scores
     */
    static MexaReport thirtyLanguages(Path directory) {
        Random random = new Random(2410_05873L);
        float[] pivot = gaussian(random, LAYERS * SENTENCES * HIDDEN);
        long[] shape = {LAYERS, SENTENCES, HIDDEN};
        for (int index = 0; index < LANGUAGES.size(); index++) {
            double alignment = 1.0 - (double) index / LANGUAGES.size();
            EmbeddingFiles.write(directory, LANGUAGES.get(index), shape,
                    index == 0 ? pivot : mixed(random, pivot, alignment), EmbeddingMethod.WEIGHTED_AVERAGE);
        }
        ImportedEmbeddings source = new ImportedEmbeddings(directory);
        MexaReport report = new MexaEvaluator().evaluate(source, EvaluationPlan.of(EvaluationSettings.defaults(),
                source), MexaLog.silent());
        return gated(report, random);
    }

    /**
     * A report built directly, without embeddings: language {@code i} of {@code count} scores about
     * {@code 1 - i / count}, every other language fails its threshold of 0.5.
     *
     * @param codes the language codes, the first is the pivot
     * @param layers hidden states per language
     * @return the gated report
     */
    static MexaReport synthetic(List<String> codes, int layers) {
        ReportFixture report = ReportFixture.report().pivot(codes.get(0)).layers(layers).model("/models/tiny")
                .corpus("/corpora/flores200/devtest").createdAt("2026-11-24T18:00:00Z").durationMillis(83_000);
        for (int index = 0; index < codes.size(); index++) {
            double score = 1.0 - (double) index / codes.size();
            double[] layerScores = new double[layers];
            for (int layer = 0; layer < layers; layer++) {
                layerScores[layer] = score * Math.sin(Math.PI * (layer + 0.5) / layers);
            }
            LanguageResult result = LanguageResult.ungated(codes.get(index), index == 0, 100, score, layerScores);
            if (index > 0) {
                boolean failed = index % 2 == 0;
                result = result.withGate(failed ? ReportFixture.failed(0.5, score + 0.01, ViolatedRule.MINIMUM,
                        "Rule violated for language " + codes.get(index)) : ReportFixture.passed(0.5, score + 0.01));
            }
            report.language(result);
        }
        return report.build();
    }

    private static float[] mixed(Random random, float[] pivot, double alignment) {
        float[] values = gaussian(random, pivot.length);
        int perLayer = SENTENCES * HIDDEN;
        for (int layer = 0; layer < LAYERS; layer++) {
            double depth = Math.sin(Math.PI * (layer + 0.5) / LAYERS);
            double signal = alignment * (0.25 + 0.6 * depth) * 1.2;
            for (int i = layer * perLayer; i < (layer + 1) * perLayer; i++) {
                values[i] = (float) (signal * pivot[i] + values[i]);
            }
        }
        return values;
    }

    private static float[] gaussian(Random random, int length) {
        float[] values = new float[length];
        for (int i = 0; i < length; i++) {
            values[i] = (float) random.nextGaussian();
        }
        return values;
    }

    private static MexaReport gated(MexaReport report, Random random) {
        Map<String, LanguageResult> gated = new LinkedHashMap<>();
        List<String> notes = new ArrayList<>();
        for (LanguageResult result : report.languages().values()) {
            if (result.pivot()) {
                gated.put(result.language(), result);
                continue;
            }
            double threshold = result.language().endsWith("_Latn") ? 0.5 : 0.3;
            double baseline = Math.min(1, Math.max(0, result.score() + (random.nextDouble() - 0.4) * 0.1));
            boolean failed = result.score() < threshold;
            LanguageGate judged = failed ? ReportFixture.failed(threshold, baseline, ViolatedRule.MINIMUM,
                    "Rule violated for language " + result.language() + ": MEXA score is "
                    + String.format(java.util.Locale.ROOT, "%.2f", result.score()) + ", but expected minimum is "
                    + String.format(java.util.Locale.ROOT, "%.2f", threshold)) : ReportFixture.passed(threshold, baseline);
            gated.put(result.language(), result.withGate(judged).withEstimatedScores(Map.of("belebele", result.score() * 0.89,
                            "m-mmlu", result.score() * 0.71)));
        }
        return report.with(gated, notes);
    }
}
