package dev.mexa.maven;

import dev.mexa.core.MexaLog;
import dev.mexa.core.evaluate.Evaluation;
import dev.mexa.core.evaluate.EvaluationExecutor;
import dev.mexa.core.evaluate.EvaluationRequest;
import dev.mexa.core.evaluate.EvaluationSettings;
import dev.mexa.core.evaluate.InProcessExecutor;
import dev.mexa.core.evaluate.fork.ForkedExecutor;
import dev.mexa.core.evaluate.fork.ScorerJvm;
import dev.mexa.core.gate.GateResult;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.eclipse.aether.RepositorySystem;

/**
 * Scores how well a language model aligns each language with the pivot (MEXA, arXiv 2410.05873) and writes the
 * reports ({@code mexa-report.json}, {@code mexa-scores.csv}, {@code mexa-summary.md}, {@code mexa-report.html})
 * into the output directory.
 *
 * <p>The goal only maps its parameters onto mexa-core's {@link EvaluationRequest}, which checks every one of them
 * before anything is read, and the {@link GateResult} onto the build's outcome.
 *
 * <p>The scores come either from a model run over a parallel corpus ({@code model} and {@code corpus}) or from
 * precomputed sentence embeddings ({@code embeddings}); set exactly one of {@code model} and {@code embeddings}.
 *
 * <p>As a quality gate it fails the build when a language scores below its threshold ({@code minScore},
 * {@code thresholds}) or falls more than {@code maxDrop} below an earlier report ({@code baseline}): one line per
 * violated rule, e.g. {@code Rule violated for language swh_Latn: MEXA score is 0.21, but expected minimum is 0.30},
 * then {@code MEXA checks have not been met (1 of 3 languages)}. The reports, with each language's threshold,
 * baseline and verdict, are written before the build fails.
 *
 * <p>Runs inside a project (bound to {@code verify}) or without one:
 * {@code mvn dev.mexa:mexa-maven-plugin:0.1.0-SNAPSHOT:evaluate -Dmexa.embeddings=DIR -Dmexa.minScore=0.5}.
 *
 * @since 0.1.0
 */
@Mojo(name = "evaluate", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true, requiresProject = false)
public class EvaluateMojo extends GateMojo {

    /**
     * HuggingFace-format decoder checkpoint directory ({@code config.json}, {@code model.safetensors} or shards,
     * {@code tokenizer.json}) to run over {@code corpus}. Set either this or {@code embeddings}.
     *
     * <pre>&lt;model&gt;${project.basedir}/model&lt;/model&gt;</pre>
     *
     * @since 0.1.0
     */
    @Parameter(property = "mexa.model")
    File model;

    /**
     * A model packaged as a Maven artifact, {@code groupId:artifactId:version[:classifier[:extension]]} (extension
     * {@code jar} by default): a jar or zip holding a checkpoint directory, at its root or as its only top-level
     * directory. It is resolved from the project's repositories like a dependency, unpacked once into
     * {@code modelCache} and run as {@code model}. Set this, {@code model} or {@code embeddings}.
     *
     * <pre>&lt;modelArtifact&gt;com.example.models:tiny-llama:1.0&lt;/modelArtifact&gt;</pre>
     *
     * @since 0.1.0
     */
    @Parameter(property = "mexa.modelArtifact")
    String modelArtifact;

    /**
     * Where {@code modelArtifact} is unpacked, once per coordinates and SHA-256; by default {@code .mexa/models} in
     * the local repository, so that a CI cache of the local repository keeps it.
     *
     * <pre>&lt;modelCache&gt;${user.home}/.cache/mexa/models&lt;/modelCache&gt;</pre>
     *
     * @since 0.1.0
     */
    @Parameter(property = "mexa.modelCache")
    File modelCache;

    /** Resolves {@code modelArtifact}. */
    @Component
    RepositorySystem repositorySystem;

    /**
     * Parallel corpus for {@code model}: a directory of line-aligned {@code <lang>.devtest}, {@code .dev} or
     * {@code .txt} files (FLORES-200 layout), line i of each a translation of line i of the pivot's. When not set,
     * the bundled FLORES-200 devtest (first 100 sentences of 204 languages, CC BY-SA 4.0) is used.
     *
     * <pre>&lt;corpus&gt;${project.basedir}/flores200/devtest&lt;/corpus&gt;</pre>
     *
     * @since 0.1.0
     */
    @Parameter(property = "mexa.corpus")
    File corpus;

    /**
     * How many leading sentences of each corpus file are scored (100 in the paper). The 95% Wilson intervals in the
     * reports narrow with more sentences.
     *
     * <pre>&lt;sentences&gt;100&lt;/sentences&gt;</pre>
     *
     * @since 0.1.0
     */
    @Parameter(property = "mexa.sentences", defaultValue = "100")
    int sentences;

    /**
     * How the model's token states become one sentence embedding per layer: {@code weighted-average} (position
     * weighted mean, the paper's default) or {@code last-token}.
     *
     * <pre>&lt;embedding&gt;weighted-average&lt;/embedding&gt;</pre>
     *
     * @since 0.1.0
     */
    @Parameter(property = "mexa.embedding", defaultValue = "weighted-average")
    String embedding;

    /**
     * Where the model runs: {@code auto} (a GPU when one is visible, else the CPU), {@code cpu} or {@code gpu}.
     *
     * <pre>&lt;device&gt;auto&lt;/device&gt;</pre>
     *
     * @since 0.1.0
     */
    @Parameter(property = "mexa.device", defaultValue = "auto")
    String device;

    /**
     * What the model computes in: {@code auto} (float32), {@code float32} or {@code float16} (GPU only; float32 on
     * the CPU). DJL has no bfloat16 on any device: {@code bfloat16} is an error (BF16 weights are widened to
     * float32).
     *
     * <pre>&lt;dtype&gt;auto&lt;/dtype&gt;</pre>
     *
     * @since 0.1.0
     */
    @Parameter(property = "mexa.dtype", defaultValue = "auto")
    String dtype;

    /**
     * The most sentences that go through the model at once; length-sorted sentences fill a batch up to
     * {@code batchTokens}. Scores equal those of unbatched runs up to float rounding.
     *
     * <pre>&lt;batchSize&gt;64&lt;/batchSize&gt;</pre>
     *
     * @since 0.1.0
     */
    @Parameter(property = "mexa.batchSize", defaultValue = "64")
    int batchSize;

    /**
     * The most padded tokens per forward pass; 0 sets a budget from the model's width (activations of about 64 MiB
     * on the CPU) or, on a GPU, from its free memory.
     *
     * <pre>&lt;batchTokens&gt;0&lt;/batchTokens&gt;</pre>
     *
     * @since 0.1.0
     */
    @Parameter(property = "mexa.batchTokens", defaultValue = "0")
    int batchTokens;

    /**
     * PyTorch's CPU threads; 0 uses every available processor in the forked scorer ({@code fork}, whose environment
     * has {@code OMP_WAIT_POLICY=PASSIVE} unless the build's sets it) and, with {@code fork} false, every processor
     * only when {@code OMP_WAIT_POLICY=PASSIVE} is in the build's environment and one otherwise, since PyTorch's
     * spinning threads stall on cores other processes use.
     *
     * <pre>&lt;threads&gt;0&lt;/threads&gt;</pre>
     *
     * @since 0.1.0
     */
    @Parameter(property = "mexa.threads", defaultValue = "0")
    int threads;

    /**
     * Whether the model runs in a scorer JVM forked for it (as Surefire forks tests): its environment lets PyTorch use
     * every processor without stalling on busy cores, {@code scorerJvmArgs} sets its heap, and a native abort of
     * the engine fails the goal with its exit status instead of ending Maven. Every setting is checked before the
     * fork. {@code false} runs the model in the build's JVM.
     *
     * <pre>&lt;fork&gt;true&lt;/fork&gt;</pre>
     *
     * @since 0.1.0
     */
    @Parameter(property = "mexa.fork", defaultValue = "true")
    boolean fork;

    /**
     * JVM arguments of the forked scorer ({@code fork}), separated by whitespace, e.g. a heap for a large model's
     * scores and tokenizer; the scorer's class path is this plugin's, with the native library chosen in the plugin's
     * {@code <dependencies>}.
     *
     * <pre>&lt;scorerJvmArgs&gt;-Xmx4g&lt;/scorerJvmArgs&gt;</pre>
     *
     * @since 0.1.0
     */
    @Parameter(property = "mexa.scorerJvmArgs")
    String scorerJvmArgs;

    /** The plugin's own artifacts: the forked scorer's class path. */
    @Parameter(defaultValue = "${plugin}", readonly = true)
    PluginDescriptor plugin;

    /**
     * Keeps an F16 or BF16 checkpoint's matrices in half precision on the CPU and widens each to float32 as it runs,
     * and reads the token embeddings from the checkpoint file as batches need them: under half the memory (a BF16
     * 8B-class model in 24 GiB), the same scores.
     *
     * <pre>&lt;halfWeights&gt;false&lt;/halfWeights&gt;</pre>
     *
     * @since 0.1.0
     */
    @Parameter(property = "mexa.halfWeights", defaultValue = "false")
    boolean halfWeights;

    /**
     * Whether per-language sentence embeddings are cached between runs; a run whose languages are all cached does
     * not load the model.
     *
     * <pre>&lt;cache&gt;true&lt;/cache&gt;</pre>
     *
     * @since 0.1.0
     */
    @Parameter(property = "mexa.cache", defaultValue = "true")
    boolean cache;

    /**
     * Where the embeddings cache lives; builds may share it. Default: {@code ~/.cache/mexa/embeddings}.
     *
     * <pre>&lt;cacheDirectory&gt;${user.home}/.cache/mexa/embeddings&lt;/cacheDirectory&gt;</pre>
     *
     * @since 0.1.0
     */
    @Parameter(property = "mexa.cacheDirectory")
    File cacheDirectory;

    /**
     * Also writes the model's sentence embeddings into this directory, in the format {@code embeddings} reads, to
     * reuse them or compare them with other tools.
     *
     * <pre>&lt;exportEmbeddings&gt;${project.build.directory}/mexa/embeddings&lt;/exportEmbeddings&gt;</pre>
     *
     * @since 0.1.0
     */
    @Parameter(property = "mexa.exportEmbeddings")
    File exportEmbeddings;

    /**
     * Directory of precomputed sentence embeddings: one {@code <lang>.safetensors} per language with the tensor
     * {@code embeddings} of shape {@code [layers, sentences, hidden]} (F32, F16 or BF16); or several, comma
     * separated, such as the exports of a sharded run's jobs, scored as the union of their languages (a language in
     * several must hold the same embeddings in each). Set either this or {@code model}.
     *
     * <pre>&lt;embeddings&gt;${project.basedir}/embeddings&lt;/embeddings&gt;</pre>
     *
     * @since 0.1.0
     */
    @Parameter(property = "mexa.embeddings")
    List<File> embeddings;

    /**
     * Pivot language that every other language is compared with.
     *
     * <pre>&lt;pivot&gt;eng_Latn&lt;/pivot&gt;</pre>
     *
     * @since 0.1.0
     */
    @Parameter(property = "mexa.pivot", defaultValue = "eng_Latn")
    String pivot;

    /**
     * Languages to score, comma separated; empty scores every language found.
     *
     * <pre>&lt;languages&gt;deu_Latn,fra_Latn,swh_Latn&lt;/languages&gt;</pre>
     *
     * @since 0.1.0
     */
    @Parameter(property = "mexa.languages")
    String languages;

    /**
     * How per-layer scores are pooled into one score per language: {@code mean} or {@code max}.
     *
     * <pre>&lt;pooling&gt;mean&lt;/pooling&gt;</pre>
     *
     * @since 0.1.0
     */
    @Parameter(property = "mexa.pooling", defaultValue = "mean")
    String pooling;

    /**
     * Restricts pooling to a range of hidden states, {@code FROM-TO} or {@code FROM-} (0 is the embedding output);
     * empty pools every layer. Per-layer scores are reported for every layer regardless.
     *
     * <pre>&lt;layers&gt;8-24&lt;/layers&gt;</pre>
     *
     * @since 0.1.0
     */
    @Parameter(property = "mexa.layers")
    String layers;

    /**
     * {@code K/N}: embeds and scores only the K-th of N slices of the requested languages (consecutive in sorted
     * order, sizes differing by at most one), and the pivot; e.g. one slice per job of a CI matrix, each with
     * {@code exportEmbeddings}, merged by a final job with {@code embeddings}. The gate judges the languages the shard
     * scores; thresholds on other shards' languages are left to their runs. Empty runs every language.
     *
     * <pre>&lt;shard&gt;2/4&lt;/shard&gt;</pre>
     *
     * @since 0.1.0
     */
    @Parameter(property = "mexa.shard")
    String shard;

    @Override
    String skipMessage() {
        return "Skipping MEXA evaluation (mexa.skip=true).";
    }

    @Override
    String failureWhat() {
        return "MEXA evaluation";
    }

    @Override
    Path outputDirectory() {
        return OutputDirectories.resolve(outputDirectory, project).toPath();
    }

    @Override
    GateResult gate(Path output, MexaLog log) {
        Evaluation.removePreviousReports(output, log);
        GateResult result = Evaluation.run(request(log), executor(log), log);
        if (modelArtifact == null || modelArtifact.isBlank()) {
            return result;
        }
        // the reports name the model by its coordinates, how to get it again, not by its unpacked copy in the cache
        return new GateResult(result.report().withModel(ModelArtifact.parse(modelArtifact).toString()),
                result.violations(), result.summary());
    }

    /**
     * @param log where an ignored {@code scorerJvmArgs} is warned about
     * @return the forked scorer on the plugin's class path, or this JVM when {@code fork} is false
     */
    EvaluationExecutor executor(MexaLog log) {
        if (!fork) {
            if (scorerJvmArgs != null && !scorerJvmArgs.isBlank()) {
                log.warn("scorerJvmArgs (mexa.scorerJvmArgs) is set but fork (mexa.fork) is false: it is ignored, as"
                        + " the model runs in the build's JVM. Remove it, or set fork to true.");
            }
            return new InProcessExecutor();
        }
        List<Path> classpath = plugin.getArtifacts().stream().map(artifact -> artifact.getFile().toPath()).toList();
        return new ForkedExecutor(new ScorerJvm(classpath, scorerJvmArgs));
    }

    /**
     * @param log where the line naming the unpacked {@code modelArtifact} goes
     * @return the parameters mapped onto a request, checked; {@code modelArtifact} resolved and unpacked
     * @throws MexaException naming the parameter at fault
     */
    EvaluationRequest request(MexaLog log) {
        File checkpoint = new ModelArtifacts(repositorySystem, project, modelCache).checkpoint(model, modelArtifact,
                embeddings != null && !embeddings.isEmpty(), log);
        return EvaluationRequest.builder()
                .modelSettings("model (mexa.model) or modelArtifact (mexa.modelArtifact)")
                .model(path(checkpoint))
                .corpus(path(corpus))
                .sentences(sentences)
                .embedding(embedding)
                .device(device)
                .dtype(dtype)
                .batchSize(batchSize)
                .batchTokens(batchTokens)
                .threads(threads)
                .halfWeights(halfWeights)
                .cache(cache)
                .cacheDirectory(path(cacheDirectory))
                .exportEmbeddings(path(exportEmbeddings))
                .embeddings(embeddings == null ? List.of() : embeddings.stream().map(File::toPath).toList())
                .pivot(pivot)
                .languages(EvaluationSettings.parseLanguages(languages))
                .pooling(pooling)
                .layers(layers)
                .shard(shard)
                .gate(gateRules())
                .englishScores(englishScoreValues())
                .build();
    }
}
