package dev.mexa.core.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.mexa.core.MexaException;
import dev.mexa.core.MexaLog;
import dev.mexa.core.RecordingLog;
import dev.mexa.core.embedding.EmbeddingMethod;
import dev.mexa.core.embedding.ImportedEmbeddings;
import dev.mexa.core.evaluate.EvaluationPlan;
import dev.mexa.core.evaluate.EvaluationSettings;
import dev.mexa.core.evaluate.MexaEvaluator;
import dev.mexa.core.report.MexaReport;
import dev.mexa.core.score.ReferenceMexa;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end: a generated Llama checkpoint and corpus through {@link ModelEmbeddings} and {@link MexaEvaluator}, with
 * per-layer scores checked against MEXA computed by hand from the float64 reference embeddings.
 */
class ModelEmbeddingsTest {

    private static final int SENTENCES = 20;

    @TempDir
    Path temp;

    @Test
    void evaluatorScoresEqualTheReferenceScores() throws IOException {
        TinyCheckpoint checkpoint = TinyCheckpoint.write(temp.resolve("model"), TinyModel.llama());
        Map<String, List<String>> corpus = writeCorpus(checkpoint, temp.resolve("corpus"));
        Path export = temp.resolve("export");
        ModelSettings settings = ModelSettings.builder().model(checkpoint.directory).corpus(temp.resolve("corpus"))
                .sentences(SENTENCES).device(ComputeDevice.CPU).batchSize(3).exportEmbeddings(export).build();
        List<String> lines = new ArrayList<>();
        MexaReport report;
        try (ModelEmbeddings source = new ModelEmbeddings(settings, recording(lines))) {
            assertThat(source.languages()).containsExactlyElementsOf(corpus.keySet());
            report = new MexaEvaluator().evaluate(source, EvaluationPlan.of(EvaluationSettings.defaults(), source),
                    recording(lines));
        }
        ReferenceDecoder reference = new ReferenceDecoder(checkpoint);
        double[][][] pivot = referenceEmbeddings(checkpoint, reference, corpus.get("eng_Latn"));
        for (String language : List.of("deu_Latn", "fra_Latn", "swh_Latn")) {
            double[] expected = mexaScores(pivot, referenceEmbeddings(checkpoint, reference, corpus.get(language)));
            assertThat(report.result(language).layerScores()).as(language).containsExactly(expected);
        }
        assertThat(lines).filteredOn(line -> line.contains(" languages done, ETA ")).hasSize(4)
                .allMatch(line -> line.contains(SENTENCES + " sentences in ") && line.contains("sentences/s"));
        assertThat(lines).anyMatch(line -> line.startsWith("Embedded pivot eng_Latn: " + SENTENCES + " sentences in "))
                .anyMatch(line -> line.startsWith("Scored deu_Latn: ") && line.contains("2 of 4 languages done, ETA "));
        try (ImportedEmbeddings imported = new ImportedEmbeddings(export);
                NDManager manager = NDManager.newBaseManager()) {
            assertThat(imported.languages()).containsExactlyElementsOf(corpus.keySet());
            assertThat(imported.method()).isEqualTo(EmbeddingMethod.WEIGHTED_AVERAGE);
            NDArray deu = imported.embed("deu_Latn", manager);
            assertThat(deu.getShape().getShape()).containsExactly(4, SENTENCES, 32);
        }
    }

    @Test
    void checksCorpusAndOptionsBeforeLoadingTheModel() throws IOException {
        TinyCheckpoint checkpoint = TinyCheckpoint.write(temp.resolve("model"), TinyModel.gpt2());
        Path corpus = Files.createDirectories(temp.resolve("corpus"));
        Files.writeString(corpus.resolve("eng_Latn.txt"), "w1 w2\n\nw3\n");
        ModelSettings settings = ModelSettings.defaults(checkpoint.directory, corpus);
        assertThatThrownBy(() -> new ModelEmbeddings(settings, MexaLog.silent())).isInstanceOf(MexaException.class)
                .hasMessageContaining("eng_Latn.txt has an empty line 2");
        Files.writeString(corpus.resolve("eng_Latn.txt"), "w1 w2\n");
        ModelSettings absent = ModelSettings.defaults(temp.resolve("absent"), corpus);
        assertThatThrownBy(() -> new ModelEmbeddings(absent, MexaLog.silent())).isInstanceOf(MexaException.class)
                .hasMessageContaining("has no config.json");
    }

    @Test
    void loadsTheWeightsOnlyWhenTheFirstLanguageIsEmbedded() throws IOException {
        TinyCheckpoint checkpoint = TinyCheckpoint.write(temp.resolve("model"), TinyModel.gpt2());
        Files.delete(checkpoint.directory.resolve("model.safetensors"));
        Path corpus = Files.createDirectories(temp.resolve("corpus"));
        Files.writeString(corpus.resolve("eng_Latn.txt"), "w1 w2\n");
        try (ModelEmbeddings source = new ModelEmbeddings(ModelSettings.defaults(checkpoint.directory, corpus),
                MexaLog.silent()); NDManager manager = NDManager.newBaseManager()) {
            assertThat(source.languages()).containsExactly("eng_Latn");
            assertThatThrownBy(() -> source.embed("eng_Latn", manager)).isInstanceOf(MexaException.class)
                    .hasMessageContaining(checkpoint.directory.toString());
        }
    }

    @Test
    void rejectsATokenizerWhoseIdsExceedTheVocabulary() throws IOException {
        TinyCheckpoint checkpoint = TinyCheckpoint.write(temp.resolve("model"), TinyModel.gpt2());
        Path config = checkpoint.directory.resolve("config.json");
        Files.writeString(config, Files.readString(config).replace("\"vocab_size\": 41", "\"vocab_size\": 20"));
        checkpoint.weights.put("transformer.wte.weight", new float[20 * 32]);
        checkpoint.shapes.put("transformer.wte.weight", new long[] {20, 32});
        dev.mexa.core.safetensors.SafetensorsWriter writer = new dev.mexa.core.safetensors.SafetensorsWriter();
        checkpoint.weights.forEach((name, values) -> writer.add(name, dev.mexa.core.safetensors.DType.F32,
                checkpoint.shapes.get(name), values));
        writer.write(checkpoint.directory.resolve("model.safetensors"));
        Path corpus = Files.createDirectories(temp.resolve("corpus"));
        Files.writeString(corpus.resolve("eng_Latn.txt"), "w1 w2\nw3 w39\n");
        try (ModelEmbeddings source = new ModelEmbeddings(ModelSettings.defaults(checkpoint.directory, corpus),
                MexaLog.silent()); NDManager manager = NDManager.newBaseManager()) {
            assertThatThrownBy(() -> source.embed("eng_Latn", manager)).isInstanceOf(MexaException.class)
                    .hasMessageContaining("gives id 40 for line 2 of").hasMessageContaining("eng_Latn.txt")
                    .hasMessageContaining("vocabulary of 20");
        }
    }

    /**
     * Issue 10, long lines: a 1 MB line gave an internal NegativeArraySizeException (int overflow building the mask);
     * a line longer than the model's positions was scored silently. Both are one error naming the file and line.
     */
    @Test
    void aLineLongerThanTheModelsPositionsNamesTheFileAndLine() throws IOException {
        TinyCheckpoint checkpoint = TinyCheckpoint.write(temp.resolve("model"), TinyModel.gpt2());
        Path corpus = Files.createDirectories(temp.resolve("corpus"));
        Path english = corpus.resolve("eng_Latn.txt");
        for (String line : List.of("w1 ".repeat(65).trim(), "w1 ".repeat(350_000).trim())) {
            Files.writeString(english, "w1 w2\n" + line + "\n");
            try (ModelEmbeddings source = new ModelEmbeddings(ModelSettings.defaults(checkpoint.directory, corpus),
                    MexaLog.silent()); NDManager manager = NDManager.newBaseManager()) {
                assertThatThrownBy(() -> source.embed("eng_Latn", manager)).isInstanceOf(MexaException.class)
                        .hasMessageStartingWith("Line 2 of " + english + " has ")
                        .hasMessageContaining("tokens, more than the 64 positions of")
                        .hasMessageEndingWith("shorten the sentence.");
            }
        }
    }

    /** Targets share most words with the pivot sentence, so alignment is partial and differs across layers. */
    private static Map<String, List<String>> writeCorpus(TinyCheckpoint checkpoint, Path directory)
            throws IOException {
        Random random = new Random(11);
        Map<String, List<String>> corpus = new LinkedHashMap<>();
        List<String> english = new ArrayList<>();
        for (int i = 0; i < SENTENCES; i++) {
            english.add(checkpoint.sentence(random, 3 + random.nextInt(8)));
        }
        double[] noise = {0.3, 0.6, 0.9};
        String[] languages = {"deu_Latn", "fra_Latn", "swh_Latn"};
        corpus.put(languages[0], null);
        corpus.put("eng_Latn", english);
        for (int l = 0; l < languages.length; l++) {
            List<String> translated = new ArrayList<>();
            for (String sentence : english) {
                StringBuilder words = new StringBuilder();
                for (String word : sentence.split(" ")) {
                    String replaced = random.nextDouble() < noise[l] ? checkpoint.sentence(random, 1) : word;
                    words.append(words.length() == 0 ? "" : " ").append(replaced);
                }
                translated.add(words.toString());
            }
            corpus.put(languages[l], translated);
        }
        Files.createDirectories(directory);
        for (Map.Entry<String, List<String>> entry : corpus.entrySet()) {
            List<String> lines = new ArrayList<>(entry.getValue());
            lines.add("w1 w2 beyond the requested sentences");
            Files.write(directory.resolve(entry.getKey() + (entry.getKey().startsWith("s") ? ".txt" : ".devtest")),
                    lines);
        }
        return corpus;
    }

    private static double[][][] referenceEmbeddings(TinyCheckpoint checkpoint, ReferenceDecoder reference,
            List<String> sentences) {
        double[][][] bySentence = new double[sentences.size()][][];
        for (int i = 0; i < sentences.size(); i++) {
            bySentence[i] = ReferenceDecoder.pool(reference.hiddenStates(checkpoint.ids(sentences.get(i))), false);
        }
        return bySentence;
    }

    /** MEXA per layer from the reference embeddings {@code [n][layers][hidden]}, by the loop reference. */
    private static double[] mexaScores(double[][][] pivot, double[][][] target) {
        int n = pivot.length;
        double[] scores = new double[pivot[0].length];
        for (int layer = 0; layer < scores.length; layer++) {
            double[][] pivotLayer = new double[n][];
            double[][] targetLayer = new double[n][];
            for (int i = 0; i < n; i++) {
                pivotLayer[i] = pivot[i][layer];
                targetLayer[i] = target[i][layer];
            }
            scores[layer] = (double) ReferenceMexa.alignedCount(pivotLayer, targetLayer) / n;
        }
        return scores;
    }

    private static MexaLog recording(List<String> lines) {
        return new RecordingLog(lines);
    }
}
