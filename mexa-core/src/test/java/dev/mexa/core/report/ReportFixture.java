package dev.mexa.core.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds {@link MexaReport}s for tests by name, from defaults (pivot {@code eng_Latn}, weighted-average, mean, 100
 * sentences, every layer, model {@code model}, corpus {@code corpus}): set only what a test is about. The pivot's
 * result (1.0 on every layer) is added unless a test adds its own.
 */
public final class ReportFixture {

    private String pivot = "eng_Latn";
    private String embedding = "weighted-average";
    private String pooling = "mean";
    private int sentences = 100;
    private int layers = 1;
    private String layerRange = "all";
    private String model = "model";
    private String corpus = "corpus";
    private String createdAt = "2026-01-01T00:00:00Z";
    private long durationMillis = 1;
    private final List<String> notes = new ArrayList<>();
    private final Map<String, LanguageResult> languages = new LinkedHashMap<>();

    private ReportFixture() {
    }

    /** @return a fixture with the defaults */
    public static ReportFixture report() {
        return new ReportFixture();
    }

    /** @param value the pivot code @return this fixture */
    public ReportFixture pivot(String value) {
        this.pivot = value;
        return this;
    }

    /** @param value the embedding method id @return this fixture */
    public ReportFixture embedding(String value) {
        this.embedding = value;
        return this;
    }

    /** @param value the pooling id @return this fixture */
    public ReportFixture pooling(String value) {
        this.pooling = value;
        return this;
    }

    /** @param value sentences per language @return this fixture */
    public ReportFixture sentences(int value) {
        this.sentences = value;
        return this;
    }

    /** @param value hidden states per language @return this fixture */
    public ReportFixture layers(int value) {
        this.layers = value;
        return this;
    }

    /** @param value the layers pooled @return this fixture */
    public ReportFixture layerRange(String value) {
        this.layerRange = value;
        return this;
    }

    /** @param value the model description @return this fixture */
    public ReportFixture model(String value) {
        this.model = value;
        return this;
    }

    /** @param value the corpus description, or null @return this fixture */
    public ReportFixture corpus(String value) {
        this.corpus = value;
        return this;
    }

    /** @param value when the evaluation finished @return this fixture */
    public ReportFixture createdAt(String value) {
        this.createdAt = value;
        return this;
    }

    /** @param value how long it took @return this fixture */
    public ReportFixture durationMillis(long value) {
        this.durationMillis = value;
        return this;
    }

    /** @param value a note @return this fixture */
    public ReportFixture note(String value) {
        notes.add(value);
        return this;
    }

    /** @param result a language's result, as is @return this fixture */
    public ReportFixture language(LanguageResult result) {
        languages.put(result.language(), result);
        return this;
    }

    /**
     * @param language a non-pivot language
     * @param score its pooled score
     * @param layerScores its per-layer scores; none for one layer scoring {@code score}
     * @return this fixture
     */
    public ReportFixture score(String language, double score, double... layerScores) {
        return language(LanguageResult.ungated(language, false, sentences, score,
                layerScores.length == 0 ? new double[] {score} : layerScores));
    }

    /**
     * @param threshold the minimum applied, or null
     * @param baseline the baseline score, or null
     * @return the gate's judgement of a language that met every rule
     */
    public static LanguageGate passed(Double threshold, Double baseline) {
        return new LanguageGate(threshold, baseline, Verdict.PASS, List.of(), Set.of());
    }

    /**
     * @param threshold the minimum applied, or null
     * @param baseline the baseline score, or null
     * @param rule the rule violated
     * @param line its violation line
     * @return the gate's judgement of a language that violated one rule
     */
    public static LanguageGate failed(Double threshold, Double baseline, ViolatedRule rule, String line) {
        return new LanguageGate(threshold, baseline, Verdict.FAIL, List.of(line), Set.of(rule));
    }

    /** @return the report */
    public MexaReport build() {
        Map<String, LanguageResult> results = new LinkedHashMap<>();
        if (!languages.containsKey(pivot)) {
            double[] perfect = new double[layers];
            Arrays.fill(perfect, 1.0);
            results.put(pivot, LanguageResult.ungated(pivot, true, sentences, 1.0, perfect));
        }
        results.putAll(languages);
        return new MexaReport(pivot, embedding, pooling, sentences, layers, layerRange, model, corpus, createdAt,
                durationMillis, notes, results);
    }
}
