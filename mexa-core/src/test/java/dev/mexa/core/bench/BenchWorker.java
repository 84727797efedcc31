package dev.mexa.core.bench;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import com.google.gson.JsonObject;
import dev.mexa.core.DjlEngine;
import dev.mexa.core.MexaLog;
import dev.mexa.core.cache.CachedEmbeddings;
import dev.mexa.core.cache.EmbeddingCache;
import dev.mexa.core.corpus.ParallelCorpus;
import dev.mexa.core.corpus.Shard;
import dev.mexa.core.embedding.EmbeddingSource;
import dev.mexa.core.embedding.ForwardingEmbeddingSource;
import dev.mexa.core.evaluate.EvaluationPlan;
import dev.mexa.core.evaluate.EvaluationSettings;
import dev.mexa.core.evaluate.MexaEvaluator;
import dev.mexa.core.io.StrictJson;
import dev.mexa.core.runtime.CpuThreads;
import dev.mexa.core.runtime.ModelEmbeddings;
import dev.mexa.core.runtime.ModelSettings;
import dev.mexa.core.runtime.SentenceTokenizer;
import dev.mexa.core.score.LayerRange;
import dev.mexa.core.score.Pooling;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One measurement of the benchmark, run in a scorer JVM started as {@code mexa:evaluate} starts its scorer (same
 * environment and threads); prints {@code RESULT name=value} lines for {@link Bench}. Not a unit test.
 */
public final class BenchWorker {

    private BenchWorker() {
    }

    /**
     * @param args {@code matmul M K N SECONDS}, {@code evaluate MODEL CORPUS LANGUAGES CACHE|- BATCH_SIZE
     *     BATCH_TOKENS WEIGHTS}, {@code memory MODEL CORPUS WEIGHTS} or {@code count MODEL CORPUS LANGUAGES}
     */
    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "matmul" -> matmul(Integer.parseInt(args[1]), Integer.parseInt(args[2]), Integer.parseInt(args[3]),
                    Double.parseDouble(args[4]));
            case "evaluate" -> evaluate(Path.of(args[1]), Path.of(args[2]), List.of(args[3].split(",")),
                    args[4].equals("-") ? null : Path.of(args[4]), Integer.parseInt(args[5]),
                    Integer.parseInt(args[6]), args[7]);
            case "memory" -> memory(Path.of(args[1]), Path.of(args[2]), args[3]);
            case "count" -> count(Path.of(args[1]), Path.of(args[2]), List.of(args[3].split(",")));
            default -> throw new IllegalArgumentException("unknown mode " + args[0]);
        }
    }

    /** The float32 matrix product rate of this engine and thread setting, on {@code [M,K] x [K,N]}. */
    private static void matmul(int m, int k, int n, double seconds) {
        ai.djl.engine.Engine.getEngine(DjlEngine.NAME);
        ai.djl.pytorch.jni.JniUtils.setNumThreads(CpuThreads.resolve(Integer.getInteger("mexa.bench.threads", 0),
                System.getenv(CpuThreads.WAIT_POLICY), Runtime.getRuntime().availableProcessors(), printing()));
        try (NDManager manager = NDManager.newBaseManager(Device.cpu(), DjlEngine.NAME)) {
            NDArray x = manager.randomUniform(-1, 1, new Shape(m, k));
            NDArray w = manager.randomUniform(-1, 1, new Shape(k, n));
            for (int i = 0; i < 3; i++) {
                x.matMul(w).close();
            }
            double best = 0;
            long end = System.nanoTime() + (long) (seconds * 1e9);
            while (System.nanoTime() < end) {
                long start = System.nanoTime();
                for (int i = 0; i < 5; i++) {
                    x.matMul(w).close();
                }
                best = Math.max(best, 5 * 2.0 * m * k * n / ((System.nanoTime() - start) / 1e9));
            }
            result("matmul_flops", best);
        }
    }

    private static void evaluate(Path model, Path corpus, List<String> languages, Path cacheDirectory, int batchSize,
            int batchTokens, String weights) throws IOException {
        ModelSettings settings = BenchSettings.settings(model, corpus, batchSize, batchTokens, weights);
        MexaLog log = printing();
        long start = System.nanoTime();
        TimedSource timed;
        ModelEmbeddings embeddings = new ModelEmbeddings(settings, log);
        EmbeddingSource source = cacheDirectory == null ? embeddings
                : new CachedEmbeddings(embeddings, embeddings::cacheKey, new EmbeddingCache(cacheDirectory), log);
        timed = new TimedSource(source);
        long evaluateStart;
        double evaluateSeconds;
        try (timed) {
            // the engine starts when the device is first resolved: engine start-up, not scoring
            timed.device();
            evaluateStart = System.nanoTime();
            new MexaEvaluator().evaluate(timed, EvaluationPlan.of(new EvaluationSettings(languages.get(0),
                    languages.subList(1, languages.size()), Pooling.MEAN, LayerRange.ALL, Shard.WHOLE), timed), log);
            evaluateSeconds = (System.nanoTime() - evaluateStart) / 1e9;
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        result("evaluation_seconds", seconds);
        result("embed_seconds", timed.embedSeconds());
        result("scoring_seconds", evaluateSeconds - timed.embedSeconds());
        result("first_embed_seconds", timed.firstEmbedSeconds());
    }

    /** The sentences and FLOPs of the languages after the first: what {@code evaluate} times. */
    private static void count(Path model, Path corpus, List<String> languages) {
        ParallelCorpus sentences = ParallelCorpus.read(corpus, ModelSettings.DEFAULT_SENTENCES);
        long timedSentences = 0;
        double timedFlops = 0;
        JsonObject config = StrictJson.read(model.resolve("config.json"), "model config", "").getAsJsonObject();
        try (SentenceTokenizer tokenizer = new SentenceTokenizer(model)) {
            for (String language : languages.subList(1, languages.size())) {
                for (String sentence : sentences.sentences(language)) {
                    timedSentences++;
                    timedFlops += flops(config, tokenizer.encode(sentence).length);
                }
            }
        }
        result("timed_sentences", timedSentences);
        result("timed_flops", timedFlops);
    }

    /** Peak resident memory of loading the model and embedding a few sentences, over the JVM-and-engine baseline. */
    private static void memory(Path model, Path corpus, String weights) throws IOException {
        try (NDManager manager = NDManager.newBaseManager(Device.cpu(), DjlEngine.NAME);
                SentenceTokenizer tokenizer = new SentenceTokenizer(model)) {
            manager.ones(new Shape(64, 64)).matMul(manager.ones(new Shape(64, 64))).close();
            tokenizer.encode("warm up");
        }
        System.gc();
        long baseline = Memory.peakResidentBytes();
        ModelSettings settings = BenchSettings.settings(model, corpus, ModelSettings.DEFAULT_BATCH_SIZE,
                BenchSettings.DEFAULT_TOKENS, weights);
        long start = System.nanoTime();
        try (ModelEmbeddings embeddings = new ModelEmbeddings(settings, printing());
                NDManager manager = NDManager.newBaseManager(Device.cpu(), DjlEngine.NAME)) {
            embeddings.embed(embeddings.languages().first(), manager);
        }
        result("memory_seconds", (System.nanoTime() - start) / 1e9);
        result("rss_baseline", baseline);
        result("rss_peak", Memory.peakResidentBytes());
    }

    static double flops(JsonObject config, int tokens) {
        long hidden = config.get("hidden_size").getAsLong();
        long heads = config.get("num_attention_heads").getAsLong();
        long kvHeads = config.get("num_key_value_heads").getAsLong();
        long inner = config.get("intermediate_size").getAsLong();
        long layers = config.get("num_hidden_layers").getAsLong();
        long headDim = hidden / heads;
        long perLayer = 2 * hidden * heads * headDim + 2 * hidden * kvHeads * headDim + 3 * hidden * inner;
        return 2.0 * perLayer * layers * tokens + 4.0 * tokens * tokens * heads * headDim * layers;
    }

    static void result(String name, double value) {
        System.out.println(String.format(Locale.ROOT, "RESULT %s=%.6g", name, value));
    }

    private static MexaLog printing() {
        return new MexaLog() {
            @Override
            public void info(String message) {
                System.out.println("INFO " + message);
            }

            @Override
            public void warn(String message) {
                System.out.println("WARN " + message);
            }
        };
    }

    /** Times every {@code embed} call of the source it wraps. */
    private static final class TimedSource extends ForwardingEmbeddingSource {

        private final List<Double> calls = new ArrayList<>();

        TimedSource(EmbeddingSource source) {
            super(source);
        }

        double embedSeconds() {
            return calls.stream().mapToDouble(Double::doubleValue).sum();
        }

        double firstEmbedSeconds() {
            return calls.isEmpty() ? 0 : calls.get(0);
        }

        @Override
        public NDArray embed(String language, NDManager manager) {
            long start = System.nanoTime();
            NDArray result = super.embed(language, manager);
            calls.add((System.nanoTime() - start) / 1e9);
            return result;
        }
    }
}
