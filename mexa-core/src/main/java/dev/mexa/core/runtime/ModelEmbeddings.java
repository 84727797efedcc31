package dev.mexa.core.runtime;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.mexa.core.MexaLog;
import dev.mexa.core.corpus.BundledCorpus;
import dev.mexa.core.corpus.DuplicateSentences;
import dev.mexa.core.corpus.ParallelCorpus;
import dev.mexa.core.embedding.EmbeddingExport;
import dev.mexa.core.embedding.EmbeddingMethod;
import dev.mexa.core.embedding.EmbeddingSource;
import dev.mexa.core.runtime.checkpoint.ModelConfig;
import dev.mexa.core.runtime.model.DecoderCheckpoint;
import dev.mexa.core.runtime.model.DecoderModel;
import java.util.List;
import java.util.Locale;
import java.util.SortedSet;

/**
 * Sentence embeddings computed by running a HuggingFace-format decoder checkpoint over a parallel corpus on DJL's
 * PyTorch engine. The corpus and the configuration are read and checked first; the model is loaded by the first
 * call to {@link #embed(String, NDManager)}, and each call tokenizes and runs one language only.
 */
public final class ModelEmbeddings implements EmbeddingSource {

    private final ModelSettings settings;
    private final ParallelCorpus corpus;
    private final MexaLog log;
    private final ComputeTarget target;
    private final DecoderCheckpoint checkpoint;
    private final EmbeddingExport export;
    private DecoderModel model;
    private SentenceTokenizer tokenizer;
    private SentenceEncoder encoder;

    /**
     * Reads and checks the corpus, the options and {@code config.json}; the tokenizer and the weights are loaded
     * by the first {@link #embed} call.
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
        this.target = ComputeTarget.resolve(settings.device(), settings.dtype(), log);
        this.export = settings.exportEmbeddings() == null ? null : new EmbeddingExport(settings.exportEmbeddings());
    }

    /**
     * Loads the tokenizer and the weights on first use, so that configuration mistakes found after construction
     * (a threshold for a language the corpus lacks, say) are reported before the expensive part.
     */
    private SentenceEncoder encoder() {
        if (encoder == null) {
            long start = System.nanoTime();
            SentenceTokenizer loadedTokenizer = new SentenceTokenizer(settings.model());
            try {
                model = checkpoint.load(target.device(), target.computeType());
            } catch (RuntimeException e) {
                loadedTokenizer.close();
                throw e;
            }
            tokenizer = loadedTokenizer;
            encoder = new SentenceEncoder(model, tokenizer, settings.method(), settings.batchSize());
            ModelConfig config = model.config();
            log.info(String.format(Locale.ROOT, "Loaded %s model %s (%d layers, hidden %d) on %s as %s in %.1f s",
                    config.modelType(), settings.model(), config.layers(), config.hidden(),
                    target.device(), target.computeType(), (System.nanoTime() - start) / 1e9));
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
    public NDArray embed(String language, NDManager manager) {
        NDArray embeddings = encoder().encode(corpus.sentences(language), corpus.file(language).toString(), manager);
        if (export != null) {
            export.write(language, embeddings, settings.method());
        }
        return embeddings;
    }

    @Override
    public void allEmbedded() {
        if (export != null) {
            export.complete();
        }
    }

    @Override
    public Device device() {
        return target.device();
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
