package dev.mexa.core.bench;

import dev.mexa.core.evaluate.fork.ScorerJvm;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The benchmark of {@code bench/run.sh}: generates the checkpoints and the corpus, runs each measurement in a fresh
 * JVM started as {@code mexa:evaluate} starts its forked scorer, with the plugin's default settings (the in-build
 * comparison: this environment as it is), and prints a table and one {@code SUMMARY} line. Not a
 * unit test. Options: {@code --work DIR}, {@code --shared DIR}, {@code --languages N}, {@code --medium-layers N},
 * {@code --big-layers N}, {@code --threads N} (default: automatic, as the plugin), {@code --skip-memory}.
 */
public final class Bench {

    private static final List<String> LANGUAGES = List.of("eng_Latn", "deu_Latn", "fra_Latn", "spa_Latn", "rus_Cyrl",
            "zho_Hans", "hin_Deva", "swh_Latn", "arb_Arab", "jpn_Jpan", "tur_Latn", "vie_Latn");

    /**
     * Sentences per language of the side-by-side runs (idle, busy, one sentence per forward): all the corpus has, as
     * with 40 the timed language was three forward passes and its rate swung by 25 % between runs.
     */
    private static final int PAIR_SENTENCES = 100;

    /** Sentences the memory runs embed after loading the 8B-shaped model. */
    private static final int MEMORY_SENTENCES = 40;

    private final Map<String, String> options;
    private final Path work;
    private final String threads;
    private final List<String[]> rows = new ArrayList<>();
    private double pairSentences;

    private Bench(Map<String, String> options) {
        this.options = options;
        this.work = Path.of(options.getOrDefault("work", "target/bench")).toAbsolutePath();
        this.threads = options.get("threads");
    }

    /** @param args see the class comment */
    public static void main(String[] args) throws Exception {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String name = args[i].replaceFirst("^--", "");
            boolean flag = name.startsWith("skip-");
            options.put(name, flag ? "true" : args[++i]);
        }
        new Bench(options).run();
    }

    private void run() throws Exception {
        Path shared = Path.of(options.getOrDefault("shared", "../shared")).toAbsolutePath().normalize();
        Path llamaTokenizer = shared.resolve("models/tiny-random-llama-1head-fp16/tokenizer.json");
        Path flores = shared.resolve("data/flores200/devtest");
        boolean real = Files.isRegularFile(llamaTokenizer) && Files.isDirectory(flores);
        int languages = Integer.parseInt(options.getOrDefault("languages", "8"));
        BenchCheckpoint medium = new BenchCheckpoint(1024, Integer.parseInt(options.getOrDefault("medium-layers",
                "16")), 16, 4, 2816, 32000, false);
        System.out.printf(Locale.ROOT, "mexa-java benchmark, %s, %d CPU cores, %s%n", Instant.now(),
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.name") + " "
                        + System.getProperty("java.version"));
        System.out.println("Generating checkpoints and corpus under " + work + " ...");
        Path mediumDir = medium.write(work.resolve("medium"), real ? llamaTokenizer : null);
        Path corpus = writeCorpus("corpus", languages, 100, real ? flores : null);
        Path pair = writeCorpus("pair", 2, PAIR_SENTENCES, real ? flores : null);
        Path memoryCorpus = writeCorpus("memory", 2, MEMORY_SENTENCES, real ? flores : null);
        List<String> all = LANGUAGES.subList(0, languages);
        List<String> subset = all.subList(0, 2);
        String allCsv = String.join(",", all);
        String subsetCsv = String.join(",", subset);
        System.out.println("Medium model: " + medium.describe());
        System.out.println("Side-by-side runs (\"pair\"): " + String.join(" and ", subset) + ", " + PAIR_SENTENCES
                + " sentences each; the second language is timed");
        System.out.println("Corpus: " + languages + " languages x 100 sentences, " + (real ? "FLORES-200 devtest from "
                + flores + ", Llama-2 tokenizer" : "generated words and word-level tokenizer (no ../shared)"));

        double matmul = worker("matmul", "512", "1024", "2816", "5").get("matmul_flops");
        row("float32 matmul [512,1024]x[1024,2816]", String.format(Locale.ROOT, "%.1f GFLOP/s", matmul / 1e9));

        Path cache = work.resolve("cache");
        deleteTree(cache);
        Map<String, Double> first = evaluate(mediumDir, corpus, allCsv, cache.toString(), "64", "0");
        Map<String, Double> counted = worker("count", mediumDir.toString(), corpus.toString(), allCsv);
        double firstRate = counted.get("timed_sentences") / (first.get("embed_seconds")
                - first.get("first_embed_seconds"));
        double flops = counted.get("timed_flops") / (first.get("embed_seconds") - first.get("first_embed_seconds"));
        double scoring = first.get("scoring_seconds") / first.get("wall_seconds");
        row("first run, " + languages + " languages (cache empty), scorer JVM included", String.format(Locale.ROOT,
                "%.1f s; %.1f sentences/s; %.1f GFLOP/s; scoring %.2f s", first.get("wall_seconds"), firstRate,
                flops / 1e9, first.get("scoring_seconds")));
        Map<String, Double> warm = evaluate(mediumDir, corpus, allCsv, cache.toString(), "64", "0");
        row("re-run, every language cached, scorer JVM included", String.format(Locale.ROOT, "%.2f s",
                warm.get("wall_seconds")));

        pairSentences = worker("count", mediumDir.toString(), pair.toString(), subsetCsv).get("timed_sentences");
        double idle = rate(evaluate(mediumDir, pair, subsetCsv, "-", "64", "0"));
        row("pair, idle", String.format(Locale.ROOT, "%.1f sentences/s", idle));
        double busy;
        List<Process> loops = busyLoops();
        try {
            busy = rate(evaluate(mediumDir, pair, subsetCsv, "-", "64", "0"));
        } finally {
            loops.forEach(Process::destroy);
        }
        row("pair, two busy-loop processes", String.format(Locale.ROOT, "%.1f sentences/s", busy));
        String[] inBuild = {"evaluate", mediumDir.toString(), pair.toString(), subsetCsv, "-", "64", "0", "float32"};
        double inBuildIdle = rate(worker(false, inBuild));
        row("pair, idle, in the build's JVM (fork=false, this environment)", String.format(Locale.ROOT,
                "%.1f sentences/s", inBuildIdle));
        loops = busyLoops();
        try {
            double inBuildBusy = rate(worker(false, inBuild));
            row("pair, busy, in the build's JVM (fork=false, this environment)", String.format(Locale.ROOT,
                    "%.1f sentences/s", inBuildBusy));
        } finally {
            loops.forEach(Process::destroy);
        }
        double single = rate(evaluate(mediumDir, pair, subsetCsv, "-", "1", "0"));
        row("pair, one sentence per forward", String.format(Locale.ROOT, "%.1f sentences/s", single));

        String rss = "n/a";
        String halfRss = "n/a";
        if (!options.containsKey("skip-memory")) {
            BenchCheckpoint big = BenchCheckpoint.eightBShaped(Integer.parseInt(options.getOrDefault("big-layers",
                    "2")));
            Path bigDir = big.write(work.resolve("eight-b-shaped"), real ? llamaTokenizer : null);
            double weightBytes = 4.0 * big.usedParameters();
            System.out.println("8B-shaped model: " + big.describe() + "; float32 weights "
                    + String.format(Locale.ROOT, "%.2f GB", weightBytes / 1e9));
            Map<String, Double> wide = worker("memory", bigDir.toString(), memoryCorpus.toString(), "float32");
            Map<String, Double> half = worker("memory", bigDir.toString(), memoryCorpus.toString(), "half");
            rss = String.format(Locale.ROOT, "%.3f", (wide.get("rss_peak") - wide.get("rss_baseline")) / weightBytes);
            halfRss = String.format(Locale.ROOT, "%.3f", (half.get("rss_peak") - half.get("rss_baseline"))
                    / weightBytes);
            row("8B-shaped, float32 weights: peak RSS above baseline", String.format(Locale.ROOT,
                    "%.2f GB (%s of float32 weights), %.1f s", (wide.get("rss_peak") - wide.get("rss_baseline")) / 1e9,
                    rss, wide.get("memory_seconds")));
            row("8B-shaped, half-precision weights: peak RSS above baseline", String.format(Locale.ROOT,
                    "%.2f GB (%s of float32 weights), %.1f s", (half.get("rss_peak") - half.get("rss_baseline")) / 1e9,
                    halfRss, half.get("memory_seconds")));
        }

        System.out.println();
        System.out.println("| measurement | result |");
        System.out.println("|---|---|");
        rows.forEach(row -> System.out.println("| " + row[0] + " | " + row[1] + " |"));
        System.out.println();
        System.out.printf(Locale.ROOT, "SUMMARY flops_vs_matmul=%.3f loaded_vs_idle=%.3f batched_vs_single=%.3f"
                + " scoring_share=%.4f warm_rerun_share=%.4f rss_vs_weights=%s half_rss_vs_weights=%s%n",
                flops / matmul, busy / idle, idle / single, scoring,
                warm.get("wall_seconds") / first.get("wall_seconds"), rss, halfRss);
    }

    private Map<String, Double> evaluate(Path model, Path corpus, String languages, String cache, String batchSize,
            String batchTokens) throws Exception {
        return worker("evaluate", model.toString(), corpus.toString(), languages, cache, batchSize, batchTokens,
                "float32");
    }

    /** @return the sentences per second of a pair run's timed language */
    private double rate(Map<String, Double> run) {
        return pairSentences / (run.get("embed_seconds") - run.get("first_embed_seconds"));
    }

    private void row(String what, String result) {
        rows.add(new String[] {what, result});
        System.out.println("  " + what + ": " + result);
    }

    private Map<String, Double> worker(String... args) throws Exception {
        return worker(true, args);
    }

    /**
     * Runs a measurement in a JVM started as {@code mexa:evaluate} starts its forked scorer ({@link ScorerJvm}: its
     * environment, automatic threads), or with {@code forked} false as the build's own JVM would run it: this
     * environment as it is.
     */
    private Map<String, Double> worker(boolean forked, String... args) throws Exception {
        List<String> jvmArgs = new ArrayList<>();
        if (threads != null) {
            jvmArgs.add("-Dmexa.bench.threads=" + threads);
        }
        List<Path> classpath = java.util.Arrays.stream(System.getProperty("java.class.path")
                .split(java.io.File.pathSeparator)).map(Path::of).toList();
        ProcessBuilder builder = new ScorerJvm(classpath, String.join(" ", jvmArgs))
                .processBuilder(BenchWorker.class.getName(), List.of(args)).redirectErrorStream(true);
        if (!forked) {
            builder.environment().clear();
            builder.environment().putAll(System.getenv());
        }
        long start = System.nanoTime();
        Process process = builder.start();
        Map<String, Double> results = new LinkedHashMap<>();
        List<String> output = new ArrayList<>();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                output.add(line);
                if (line.startsWith("RESULT ")) {
                    String[] pair = line.substring(7).split("=", 2);
                    results.put(pair[0], Double.parseDouble(pair[1]));
                }
            }
        }
        int status = process.waitFor();
        results.put("wall_seconds", (System.nanoTime() - start) / 1e9);
        if (status != 0) {
            output.forEach(System.out::println);
            throw new IllegalStateException("benchmark worker " + String.join(" ", args) + " exited with "
                    + process.exitValue());
        }
        return results;
    }

    /** Two busy loops on the cores, each bounded to 10 minutes should this JVM die before stopping them. */
    private static List<Process> busyLoops() throws IOException, InterruptedException {
        List<Process> loops = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            loops.add(new ProcessBuilder("timeout", "600", "sh", "-c", "while :; do :; done").start());
        }
        TimeUnit.MILLISECONDS.sleep(500);
        return loops;
    }

    private Path writeCorpus(String name, int languages, int sentences, Path flores) throws IOException {
        Path corpus = work.resolve(name);
        deleteTree(corpus);
        Files.createDirectories(corpus);
        java.util.Random random = new java.util.Random(5);
        for (String language : LANGUAGES.subList(0, languages)) {
            List<String> lines;
            if (flores != null) {
                lines = Files.readAllLines(flores.resolve(language + ".devtest")).subList(0, sentences);
            } else {
                lines = new ArrayList<>();
                for (int i = 0; i < sentences; i++) {
                    StringBuilder sentence = new StringBuilder();
                    for (int w = 0, words = 15 + random.nextInt(40); w < words; w++) {
                        sentence.append(w == 0 ? "" : " ").append('w').append(random.nextInt(31998));
                    }
                    lines.add(sentence.toString());
                }
            }
            Files.write(corpus.resolve(language + ".devtest"), lines);
        }
        return corpus;
    }

    private static void deleteTree(Path directory) throws IOException {
        if (Files.isDirectory(directory)) {
            try (Stream<Path> files = Files.walk(directory)) {
                for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(file);
                }
            }
        }
    }
}
