package dev.mexa.core.evaluate;

import dev.mexa.core.MexaException;
import dev.mexa.core.corpus.Shard;
import dev.mexa.core.embedding.EmbeddingMethod;
import dev.mexa.core.gate.EstimatedScores;
import dev.mexa.core.gate.GateRules;
import dev.mexa.core.runtime.ComputeDevice;
import dev.mexa.core.runtime.ComputeType;
import dev.mexa.core.runtime.ModelSettings;
import dev.mexa.core.score.LayerRange;
import dev.mexa.core.score.Pooling;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Everything one MEXA evaluation needs, as the Maven plugin and the JUnit extension both give it: the input (a model
 * with its corpus, or recorded embeddings), what to score, and the gate. Built by name ({@link #builder()}) from the
 * front end's parameters or attributes as written; {@link Builder#build()} checks every setting, before any file is
 * read, with one message per rule naming the setting as both front ends spell it (e.g. {@code pivot (mexa.pivot)}).
 * Rules that need the input's languages and sentence counts are checked by {@link EvaluationPlan} once the input is
 * opened, still before a model loads, and throw {@link dev.mexa.core.MexaConfigurationException}.
 *
 * <p>{@link Evaluation#run} turns a request into a result through an {@link EvaluationExecutor}.
 */
public final class EvaluationRequest {

    private final EvaluationInput input;
    private final EvaluationSettings settings;
    private final GateRules gate;
    private final List<GateRules> laterGates;
    private final Map<String, Double> englishScores;
    private final List<String> warnings;

    private EvaluationRequest(EvaluationInput input, EvaluationSettings settings, GateRules gate,
            List<GateRules> laterGates, Map<String, Double> englishScores, List<String> warnings) {
        this.input = input;
        this.settings = settings;
        this.gate = gate;
        this.laterGates = List.copyOf(laterGates);
        this.englishScores = Map.copyOf(englishScores);
        this.warnings = List.copyOf(warnings);
    }

    /** @return a builder with the defaults of both front ends */
    public static Builder builder() {
        return new Builder();
    }

    /** @return where the embeddings come from */
    public EvaluationInput input() {
        return input;
    }

    /** @return pivot, languages, pooling and layers */
    public EvaluationSettings settings() {
        return settings;
    }

    /** @return the rules the result is gated with */
    public GateRules gate() {
        return gate;
    }

    /**
     * @return rules the front end applies to the result itself, after the run (the extension's {@code @MinScore} on
     *     a test method): an executor checks them against its plan as it checks {@link #gate()}, so that a rule
     *     that cannot apply fails before a model loads
     */
    public List<GateRules> laterGates() {
        return laterGates;
    }

    /** @return the model's English score per task, for estimated task scores; empty for none */
    public Map<String, Double> englishScores() {
        return englishScores;
    }

    /** The embeddings cache directory both front ends use unless told otherwise: under the user's home. */
    public static final Path DEFAULT_CACHE_DIRECTORY = Path.of(System.getProperty("user.home"), ".cache", "mexa",
            "embeddings");

    /**
     * @return settings that were given but do not apply to the chosen input (the model's options with recorded
     *     embeddings), one line each, for the front end to log as warnings; empty when every setting applies
     */
    public List<String> warnings() {
        return warnings;
    }

    /** Sets a request by name; unset settings keep the defaults of both front ends. */
    public static final class Builder {

        private Path model;
        private Path corpus;
        private int sentences = ModelSettings.DEFAULT_SENTENCES;
        private String embedding = EmbeddingMethod.WEIGHTED_AVERAGE.id();
        private String device = ComputeDevice.AUTO.id();
        private String dtype = ComputeType.AUTO.id();
        private int batchSize = ModelSettings.DEFAULT_BATCH_SIZE;
        private int batchTokens;
        private int threads;
        private boolean halfWeights;
        private boolean cache = true;
        private Path cacheDirectory = DEFAULT_CACHE_DIRECTORY;
        private Path exportEmbeddings;
        private final List<Path> embeddings = new ArrayList<>();
        private String pivot = EvaluationSettings.DEFAULT_PIVOT;
        private final List<String> languages = new ArrayList<>();
        private String pooling = Pooling.MEAN.id();
        private String layers;
        private String shard;
        private GateRules gate = GateRules.none();
        private final List<GateRules> laterGates = new ArrayList<>();
        private Integer minSentences;
        private Map<String, Double> englishScores = Map.of();
        private final List<String> warnings = new ArrayList<>();
        private String modelSettings = "model (mexa.model)";

        private Builder() {
        }

        /**
         * @param settings how the front end names the settings that give a model, in the error when no input is set:
         *     {@code model (mexa.model)} unless set (the plugin adds {@code modelArtifact})
         * @return this builder
         */
        public Builder modelSettings(String settings) {
            this.modelSettings = settings;
            return this;
        }

        /** @param directory a checkpoint directory, or null @return this builder */
        public Builder model(Path directory) {
            this.model = directory;
            return this;
        }

        /**
         * @param directory the parallel corpus for {@link #model}, or null for the bundled FLORES-200 devtest
         * @return this builder
         */
        public Builder corpus(Path directory) {
            this.corpus = directory;
            return this;
        }

        /** @param count leading sentences per language (model only) @return this builder */
        public Builder sentences(int count) {
            this.sentences = count;
            return this;
        }

        /** @param method {@code weighted-average} or {@code last-token} (model only) @return this builder */
        public Builder embedding(String method) {
            this.embedding = method;
            return this;
        }

        /** @param id {@code auto}, {@code cpu} or {@code gpu} (model only) @return this builder */
        public Builder device(String id) {
            this.device = id;
            return this;
        }

        /** @param id {@code auto}, {@code float32}, {@code bfloat16} or {@code float16} @return this builder */
        public Builder dtype(String id) {
            this.dtype = id;
            return this;
        }

        /** @param count sentences per forward pass (model only) @return this builder */
        public Builder batchSize(int count) {
            this.batchSize = count;
            return this;
        }

        /** @param count the most padded tokens per forward pass, 0 for automatic (model only) @return this builder */
        public Builder batchTokens(int count) {
            this.batchTokens = count;
            return this;
        }

        /** @param count PyTorch intra-op CPU threads, 0 for automatic (model only) @return this builder */
        public Builder threads(int count) {
            this.threads = count;
            return this;
        }

        /** @param keep whether F16/BF16 weights stay half precision on the CPU (model only) @return this builder */
        public Builder halfWeights(boolean keep) {
            this.halfWeights = keep;
            return this;
        }

        /** @param enabled whether the embeddings cache is used (model only) @return this builder */
        public Builder cache(boolean enabled) {
            this.cache = enabled;
            return this;
        }

        /** @param directory the embeddings cache directory; null for the default @return this builder */
        public Builder cacheDirectory(Path directory) {
            this.cacheDirectory = directory == null ? DEFAULT_CACHE_DIRECTORY : directory;
            return this;
        }

        /** @param directory where to also write the model's embeddings, or null @return this builder */
        public Builder exportEmbeddings(Path directory) {
            this.exportEmbeddings = directory;
            return this;
        }

        /**
         * @param directories directories of recorded embeddings, added to those set so far; several (the exports of
         *     a sharded run's jobs) are scored as the union of their languages
         * @return this builder
         */
        public Builder embeddings(List<Path> directories) {
            this.embeddings.addAll(directories);
            return this;
        }

        /** @param code the pivot language @return this builder */
        public Builder pivot(String code) {
            this.pivot = code;
            return this;
        }

        /** @param codes languages to score; none scores every language found @return this builder */
        public Builder languages(List<String> codes) {
            this.languages.addAll(codes);
            return this;
        }

        /** @param id {@code mean} or {@code max} @return this builder */
        public Builder pooling(String id) {
            this.pooling = id;
            return this;
        }

        /** @param range {@code FROM-TO}, {@code FROM-}, or null or blank for every layer @return this builder */
        public Builder layers(String range) {
            this.layers = range;
            return this;
        }

        /**
         * @param written {@code K/N}: embed and score only the K-th of N slices of the requested languages (see
         *     {@link Shard}); null or blank for all of them
         * @return this builder
         */
        public Builder shard(String written) {
            this.shard = written;
            return this;
        }

        /** @param rules the rules the result is gated with @return this builder */
        public Builder gate(GateRules rules) {
            this.gate = rules;
            return this;
        }

        /**
         * @param rules rules the front end applies to the result afterwards (see
         *     {@link EvaluationRequest#laterGates()}), added to those set so far
         * @return this builder
         */
        public Builder laterGates(List<GateRules> rules) {
            this.laterGates.addAll(rules);
            return this;
        }

        /**
         * @param minimum the fewest sentences a gated score may rest on ({@link GateRules#DEFAULT_MIN_SENTENCES}
         *     unless set), replacing that of {@link #gate} and of each of {@link #laterGates}
         * @return this builder
         */
        public Builder minSentences(int minimum) {
            this.minSentences = minimum;
            return this;
        }

        /** @param scores the model's English score per task, each in [0, 1] @return this builder */
        public Builder englishScores(Map<String, Double> scores) {
            this.englishScores = scores;
            return this;
        }

        /**
         * @return the request
         * @throws MexaException naming the setting at fault
         */
        public EvaluationRequest build() {
            String pivotCode = required(pivot, "pivot (mexa.pivot)");
            List<String> codes = languages();
            Shard slice = Shard.parse(shard);
            if (!codes.isEmpty()) {
                // listed languages are sliced here already, so that too many shards fail before any file is read
                slice.slice(codes.stream().filter(code -> !code.equals(pivotCode)).toList());
            }
            EvaluationSettings what = new EvaluationSettings(pivotCode, codes, Pooling.parse(pooling),
                    LayerRange.parse(layers, "layers (mexa.layers)"), slice);
            EstimatedScores.check(englishScores);
            GateRules rules = minSentences == null ? gate : gate.withMinSentences(minSentences);
            List<GateRules> later = laterGates.stream()
                    .map(rule -> minSentences == null ? rule : rule.withMinSentences(minSentences)).toList();
            warnings.clear();
            return new EvaluationRequest(input(slice), what, rules, later, englishScores, warnings);
        }

        private EvaluationInput input(Shard slice) {
            if (model != null && !embeddings.isEmpty()) {
                throw new MexaException("Both model (mexa.model) and embeddings (mexa.embeddings) are set: set model"
                        + " and corpus to run a checkpoint, or embeddings to score precomputed sentence embeddings,"
                        + " not both.");
            }
            if (model == null && embeddings.isEmpty()) {
                throw new MexaException("No input: set " + modelSettings + " to run a checkpoint, over corpus"
                        + " (mexa.corpus) or by default the bundled FLORES-200 devtest, or embeddings (mexa.embeddings)"
                        + " to a directory of <lang>.safetensors files.");
            }
            if (model == null) {
                if (corpus != null) {
                    throw new MexaException("corpus (mexa.corpus) applies to a model only: remove it when embeddings"
                            + " (mexa.embeddings) is set.");
                }
                List<Path> twice = embeddings.stream().filter(directory -> embeddings.indexOf(directory)
                        != embeddings.lastIndexOf(directory)).distinct().toList();
                if (!twice.isEmpty()) {
                    throw new MexaException("embeddings (mexa.embeddings) names " + twice.get(0) + " more than once:"
                            + " list each directory once.");
                }
                warnIgnored();
                return new EmbeddingsInput(embeddings);
            }
            return new ModelRunInput(ModelSettings.builder()
                    .model(model)
                    .corpus(corpus)
                    .sentences(sentences)
                    .method(EmbeddingMethod.parseForModel(embedding))
                    .device(ComputeDevice.parse(device))
                    .dtype(ComputeType.parse(dtype))
                    .batchSize(batchSize)
                    .batchTokens(batchTokens)
                    .threads(threads)
                    .halfWeights(halfWeights)
                    .cacheDirectory(cache ? cacheDirectory : null)
                    .exportEmbeddings(exportEmbeddings)
                    .shard(slice)
                    .build());
        }

        /** The model's options, when set to other than their defaults, do nothing with recorded embeddings. */
        private void warnIgnored() {
            ignoredIf(sentences != ModelSettings.DEFAULT_SENTENCES, "sentences (mexa.sentences)",
                    "every recorded sentence is scored");
            ignoredIf(batchSize != ModelSettings.DEFAULT_BATCH_SIZE, "batchSize (mexa.batchSize)", "no model runs");
            ignoredIf(!EmbeddingMethod.WEIGHTED_AVERAGE.id().equals(embedding), "embedding (mexa.embedding)",
                    "the files record their own method");
            ignoredIf(!ComputeDevice.AUTO.id().equals(device), "device (mexa.device)", "no model runs");
            ignoredIf(!ComputeType.AUTO.id().equals(dtype), "dtype (mexa.dtype)", "no model runs");
            ignoredIf(threads != 0, "threads (mexa.threads)", "no model runs");
            ignoredIf(batchTokens != 0, "batchTokens (mexa.batchTokens)", "no model runs");
            ignoredIf(halfWeights, "halfWeights (mexa.halfWeights)", "no weights load");
            ignoredIf(!cache, "cache (mexa.cache)", "recorded embeddings are read, never cached");
            ignoredIf(!DEFAULT_CACHE_DIRECTORY.equals(cacheDirectory), "cacheDirectory (mexa.cacheDirectory)",
                    "recorded embeddings are read, never cached");
            ignoredIf(exportEmbeddings != null, "exportEmbeddings (mexa.exportEmbeddings)",
                    "the embeddings are already recorded");
        }

        private void ignoredIf(boolean set, String setting, String why) {
            if (set) {
                warnings.add(setting + " is set but applies to a model only: it is ignored with embeddings"
                        + " (mexa.embeddings), as " + why + ". Remove it.");
            }
        }

        private List<String> languages() {
            return languages.stream().map(code -> required(code, "languages (mexa.languages)")).distinct().toList();
        }

        private static String required(String value, String setting) {
            if (value == null || value.isBlank()) {
                throw new MexaException(setting + " must not be blank: name a language code such as eng_Latn.");
            }
            return value.trim();
        }
    }
}
