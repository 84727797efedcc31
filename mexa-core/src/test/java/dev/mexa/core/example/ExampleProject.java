package dev.mexa.core.example;

import ai.djl.ndarray.types.Shape;
import dev.mexa.core.embedding.EmbeddingFiles;
import dev.mexa.core.embedding.EmbeddingMethod;
import dev.mexa.core.io.AtomicFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Generates example inputs whose MEXA alignment is known by construction: a parallel corpus of synthetic words, a
 * tiny Llama checkpoint whose word-level vocabulary gives each language's word k an embedding row correlated with
 * English word k by that language's alignment a (1 = the same row, 0 = unrelated), and precomputed embeddings built
 * the same way. Used by the bundled examples, the integration tests and the JUnit extension's tests.
 */
public final class ExampleProject {

    /** The pivot language of every example. */
    public static final String PIVOT = "eng_Latn";

    /** Default alignment per target language: one near-perfect, one good, one weak, one unrelated. */
    public static final Map<String, Double> DEFAULT_ALIGNMENT = defaultAlignment();

    private static final int WORDS = 80;
    private static final int MIN_WORDS_PER_SENTENCE = 5;
    private static final int MAX_WORDS_PER_SENTENCE = 10;

    private final Map<String, Double> alignment;
    private final long seed;

    /**
     * @param alignment target language code to alignment in [0, 1]; the pivot is added with alignment 1
     * @param seed seed for every random choice, so the same arguments give the same files
     */
    public ExampleProject(Map<String, Double> alignment, long seed) {
        this.alignment = new LinkedHashMap<>();
        this.alignment.put(PIVOT, 1.0);
        this.alignment.putAll(alignment);
        this.seed = seed;
    }

    private static Map<String, Double> defaultAlignment() {
        Map<String, Double> map = new LinkedHashMap<>();
        map.put("deu_Latn", 0.98);
        map.put("fra_Latn", 0.8);
        map.put("swh_Latn", 0.35);
        map.put("wol_Latn", 0.0);
        return java.util.Collections.unmodifiableMap(map);
    }

    /**
     * Writes one {@code <lang>.txt} per language, line i of each a translation of line i of the pivot.
     *
     * @param directory the corpus directory (created)
     * @param sentences how many lines per file
     */
    public void writeCorpus(Path directory, int sentences) {
        List<int[]> lines = sentences(sentences);
        for (String language : alignment.keySet()) {
            StringBuilder text = new StringBuilder();
            for (int[] words : lines) {
                for (int i = 0; i < words.length; i++) {
                    text.append(i == 0 ? "" : " ").append(word(language, words[i]));
                }
                text.append('\n');
            }
            AtomicFiles.write(directory.resolve(language + ".txt"), text.toString());
        }
    }

    /**
     * Writes the Llama checkpoint whose vocabulary covers every language of the corpus.
     *
     * @param directory the checkpoint directory (created)
     */
    public void writeModel(Path directory) {
        List<String> vocabulary = new ArrayList<>(List.of("<unk>", "<s>"));
        List<float[]> rows = new ArrayList<>();
        Random random = new Random(seed);
        rows.add(gaussian(random, ExampleCheckpoint.HIDDEN));
        rows.add(gaussian(random, ExampleCheckpoint.HIDDEN));
        float[][] pivotRows = new float[WORDS][];
        for (int word = 0; word < WORDS; word++) {
            pivotRows[word] = gaussian(random, ExampleCheckpoint.HIDDEN);
        }
        for (Map.Entry<String, Double> language : alignment.entrySet()) {
            for (int word = 0; word < WORDS; word++) {
                vocabulary.add(word(language.getKey(), word));
                rows.add(correlated(pivotRows[word], language.getValue(), random));
            }
        }
        ExampleCheckpoint.write(directory, vocabulary, rows.toArray(new float[0][]), seed + 1);
    }

    /**
     * Writes precomputed embeddings in the import format: per language {@code [layers, sentences, hidden]}, where
     * sentence i of a language is correlated with pivot sentence i by its alignment, a little less in the first and
     * last layers (as real models behave).
     *
     * @param directory the embeddings directory (created)
     * @param layers number of hidden states
     * @param sentences sentences per language
     * @param hidden embedding size
     */
    public void writeEmbeddings(Path directory, int layers, int sentences, int hidden) {
        Random random = new Random(seed);
        float[][][] pivot = new float[layers][sentences][];
        for (int layer = 0; layer < layers; layer++) {
            for (int sentence = 0; sentence < sentences; sentence++) {
                pivot[layer][sentence] = gaussian(random, hidden);
            }
        }
        for (Map.Entry<String, Double> language : alignment.entrySet()) {
            float[] values = new float[layers * sentences * hidden];
            for (int layer = 0; layer < layers; layer++) {
                double depth = layers == 1 ? 1 : Math.sin(Math.PI * layer / (layers - 1)) * 0.5 + 0.5;
                double layerAlignment = language.getKey().equals(PIVOT) ? 1 : language.getValue() * depth;
                for (int sentence = 0; sentence < sentences; sentence++) {
                    float[] row = correlated(pivot[layer][sentence], layerAlignment, random);
                    System.arraycopy(row, 0, values, (layer * sentences + sentence) * hidden, hidden);
                }
            }
            EmbeddingFiles.write(directory, language.getKey(), new Shape(layers, sentences, hidden).getShape(), values,
                    EmbeddingMethod.WEIGHTED_AVERAGE);
        }
    }

    private List<int[]> sentences(int count) {
        Random random = new Random(seed + 2);
        Set<List<Integer>> seen = new LinkedHashSet<>();
        while (seen.size() < count) {
            int length = MIN_WORDS_PER_SENTENCE + random.nextInt(MAX_WORDS_PER_SENTENCE - MIN_WORDS_PER_SENTENCE + 1);
            List<Integer> words = new ArrayList<>();
            for (int i = 0; i < length; i++) {
                words.add(random.nextInt(WORDS));
            }
            seen.add(words);
        }
        return seen.stream().map(words -> words.stream().mapToInt(Integer::intValue).toArray()).toList();
    }

    private static String word(String language, int index) {
        return language.substring(0, Math.min(3, language.length())) + index;
    }

    private static float[] gaussian(Random random, int size) {
        float[] values = new float[size];
        for (int i = 0; i < size; i++) {
            values[i] = (float) random.nextGaussian();
        }
        return values;
    }

    private static float[] correlated(float[] base, double alignment, Random random) {
        double noise = Math.sqrt(Math.max(0, 1 - alignment * alignment));
        float[] values = new float[base.length];
        for (int i = 0; i < base.length; i++) {
            values[i] = (float) (alignment * base[i] + noise * random.nextGaussian());
        }
        return values;
    }

    /**
     * Regenerates an example: {@code embeddings DIR}, {@code corpus DIR}, {@code model DIR}.
     *
     * @param args the kind of example and the target directory
     */
    public static void main(String[] args) {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: ExampleProject embeddings|corpus|model DIR");
        }
        ExampleProject project = new ExampleProject(DEFAULT_ALIGNMENT, 42);
        Path directory = Path.of(args[1]);
        switch (args[0]) {
            case "embeddings" -> project.writeEmbeddings(directory, 5, 40, 16);
            case "corpus" -> project.writeCorpus(directory, 40);
            case "model" -> project.writeModel(directory);
            default -> throw new IllegalArgumentException("unknown example kind: " + args[0]);
        }
    }
}
