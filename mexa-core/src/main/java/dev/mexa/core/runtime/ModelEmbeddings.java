package dev.mexa.core.runtime;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.pytorch.jni.JniUtils;
import dev.mexa.core.MexaLog;
import dev.mexa.core.cache.CacheKey;
import dev.mexa.core.cache.ModelFingerprint;
import dev.mexa.core.corpus.BundledCorpus;
import dev.mexa.core.corpus.DuplicateSentences;
import dev.mexa.core.corpus.ParallelCorpus;
import dev.mexa.core.embedding.EmbeddingExport;
import dev.mexa.core.embedding.EmbeddingMethod;
import dev.mexa.core.embedding.EmbeddingSource;
import dev.mexa.core.embedding.ExportOrigin;
import dev.mexa.core.runtime.checkpoint.ModelConfig;
import dev.mexa.core.runtime.model.DecoderCheckpoint;
import dev.mexa.core.runtime.model.DecoderModel;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.SortedSet;

/**
 * Sentence embeddings computed by running a HuggingFace-format decoder checkpoint over a parallel corpus on DJL's
 * PyTorch engine. Construction reads and checks the corpus and the configuration and nothing else: the PyTorch
 * engine is not started, so that a build can open and plan a request without loading the native library into its
 * JVM (the forked scorer does so before it forks). The engine starts when the {@link ComputeTarget} is first needed,
 * by {@link #device()}, {@link #cacheKey} or the first {@link #embed(String, NDManager)}, which also loads the model;
 * each {@code embed} call tokenizes and runs one language only.
 */
public final class ModelEmbeddings implements EmbeddingSource {

    private final ModelSettings settings;
    private final ParallelCorpus corpus;
    private final MexaLog log;
    private final DecoderCheckpoint checkpoint;
    private ComputeTarget target;
    private EmbeddingExport export;
    private DecoderModel model;
    private SentenceTokenizer tokenizer;
    private SentenceEncoder encoder;
    private String fingerprint;

    /**
     * Reads and checks the corpus, the options and {@code config.json}; the engine starts when the device is first
     * needed, and the tokenizer and the weights are loaded by the first {@link #embed} call.
     *
     * @param settings model, corpus and runtime options
     * @param log where the model's loading line and warnings go
     * @throws dev.mexa.core.MexaException naming the file at fault when the corpus or checkpoint is unusable
     */
    public ModelEmbeddings(ModelSettings settings, MexaLog log) {
        this.settings = settings;
        this.log = log;
        this.corpus = settings.corpus() == null ? BundledCorpus.read(settings.sentences())
                : ParallelCorpus.read(settings.corpus(), settings.sentences());
        if (corpus.size() < settings.sentences()) {
            log.warn("Corpus " + corpus.description() + " has " + corpus.size() + " lines per language, fewer than"
                    + " the " + settings.sentences() + " sentences requested: using " + corpus.size() + ".");
        }
        this.checkpoint = DecoderCheckpoint.read(settings.model());
        if (settings.dtype() == ComputeType.FLOAT16) {
            checkpoint.checkFloat16();
        }
    }

    /**
     * The device and dtype the model runs with, resolved on first use: resolving starts the PyTorch engine.
     *
     * @throws dev.mexa.core.MexaException when the engine cannot start, or a GPU is requested and none is visible
     */
    private ComputeTarget target() {
        if (target == null) {
            target = ComputeTarget.resolve(settings.device(), settings.dtype(), log);
        }
        return target;
    }

    /** @return the export of the embeddings, made on first use with the resolved target as its origin */
    private EmbeddingExport export() {
        if (export == null) {
            ComputeTarget resolved = target();
            export = new EmbeddingExport(settings.exportEmbeddings(), new ExportOrigin(fingerprint(),
                    resolved.computeType().toString(), resolved.device().getDeviceType(), settings.shard()));
        }
        return export;
    }

    /**
     * Loads the tokenizer and the weights on first use, so that configuration mistakes found after construction
     * (a threshold for a language the corpus lacks, say) are reported before the expensive part.
     */
    private SentenceEncoder encoder() {
        if (encoder == null) {
            ComputeTarget resolved = target();
            long start = System.nanoTime();
            SentenceTokenizer loadedTokenizer = new SentenceTokenizer(settings.model());
            int threads = CpuThreads.resolve(settings.threads(), System.getenv(CpuThreads.WAIT_POLICY),
                    Runtime.getRuntime().availableProcessors(), log);
            try {
                if (!resolved.device().isGpu()) {
                    JniUtils.setNumThreads(threads);
                }
                model = checkpoint.load(resolved.device(), resolved.computeType(), settings.halfWeights());
            } catch (RuntimeException e) {
                loadedTokenizer.close();
                throw e;
            }
            tokenizer = loadedTokenizer;
            ModelConfig config = model.config();
            int tokens = settings.batchTokens() > 0 ? settings.batchTokens()
                    : TokenBudget.tokens(config, resolved.device());
            encoder = new SentenceEncoder(model, tokenizer, settings.method(), settings.batchSize(), tokens);
            log.info(String.format(Locale.ROOT, "Loaded %s model %s (%d layers, hidden %d) on %s as %s%s in %.1f s;"
                    + " batches of up to %d sentences and %d tokens%s", config.modelType(), settings.model(),
                    config.layers(), config.hidden(), resolved.device(), resolved.computeType(),
                    settings.halfWeights() ? " (half-precision weights kept as stored)" : "",
                    (System.nanoTime() - start) / 1e9, settings.batchSize(), tokens,
                    resolved.device().isGpu() ? "" : ", " + threads + " CPU thread" + (threads == 1 ? "" : "s")));
        }
        return encoder;
    }

    @Override
    public String description() {
        return settings.model().toString();
    }

    @Override
    public String corpusDescription() {
        return corpus.description();
    }

    @Override
    public EmbeddingMethod method() {
        return settings.method();
    }

    @Override
    public SortedSet<String> languages() {
        return corpus.languages();
    }

    @Override
    public int sentences(String language) {
        return corpus.size();
    }

    @Override
    public OptionalInt hiddenStates(String language) {
        return checkpoint.hiddenStates();
    }

    @Override
    public NDArray embed(String language, NDManager manager) {
        NDArray embeddings = encoder().encode(corpus.sentences(language), corpus.file(language).toString(), manager);
        if (settings.exportEmbeddings() != null) {
            export().write(language, embeddings, settings.method());
        }
        return embeddings;
    }

    /**
     * What the embeddings of one language depend on, read without loading the model: the checkpoint's
     * {@link ModelFingerprint}, the exact corpus lines used, the embedding method, the compute dtype, the device kind
     * and the {@link ForwardPassCode#version()}. Both the target and the code version start the PyTorch engine.
     *
     * @param language a code from {@link #languages()}
     * @return its embeddings cache key
     */
    public CacheKey cacheKey(String language) {
        ComputeTarget resolved = target();
        return CacheKey.builder()
                .add("entry", "mexa sentence embeddings per layer, float32")
                .add("model", fingerprint())
                .add("language", language)
                .addLines("sentences", corpus.sentences(language))
                .add("embedding", settings.method().id())
                .add("dtype", resolved.computeType().toString())
                .add("device", resolved.device().getDeviceType())
                .add("code", ForwardPassCode.version())
                .build();
    }

    /** @return the checkpoint's {@link ModelFingerprint}, computed once */
    private String fingerprint() {
        if (fingerprint == null) {
            fingerprint = ModelFingerprint.of(settings.model());
        }
        return fingerprint;
    }

    @Override
    public void allEmbedded() {
        if (settings.exportEmbeddings() != null) {
            export().complete();
        }
    }

    @Override
    public Device device() {
        return target().device();
    }

    @Override
    public List<String> inputWarnings(String language, boolean pivot) {
        return DuplicateSentences.warning(language, corpus.file(language), corpus.sentences(language), pivot).stream()
                .toList();
    }

    @Override
    public void close() {
        if (tokenizer != null) {
            tokenizer.close();
        }
        if (model != null) {
            model.close();
        }
    }
}
