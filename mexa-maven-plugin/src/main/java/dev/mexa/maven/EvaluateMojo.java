package dev.mexa.maven;

import dev.mexa.core.MexaException;
import dev.mexa.core.embedding.EmbeddingSource;
import dev.mexa.core.embedding.ImportedEmbeddings;
import dev.mexa.core.evaluate.EvaluationSettings;
import dev.mexa.core.evaluate.MexaEvaluator;
import dev.mexa.core.report.MexaReport;
import dev.mexa.core.report.ReportWriter;
import dev.mexa.core.report.ScoreTable;
import dev.mexa.core.score.LayerRange;
import dev.mexa.core.score.Pooling;
import java.io.File;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * Scores how well a language model aligns each language with the pivot (MEXA, arXiv 2410.05873) and writes
 * {@code mexa-report.json}, {@code mexa-scores.csv} and {@code mexa-summary.md} into the output directory.
 *
 * <p>Runs inside a project (bound to {@code verify}) or without one:
 * {@code mvn dev.mexa:mexa-maven-plugin:0.1.0-SNAPSHOT:evaluate -Dmexa.embeddings=DIR}.
 *
 * @since 0.1.0
 */
@Mojo(name = "evaluate", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true, requiresProject = false)
public class EvaluateMojo extends AbstractMojo {

    /**
     * Directory of precomputed sentence embeddings: one {@code <lang>.safetensors} per language with the tensor
     * {@code embeddings} of shape {@code [layers, sentences, hidden]} (F32, F16 or BF16).
     *
     * <pre>{@code <embeddings>${project.basedir}/embeddings</embeddings>}</pre>
     *
     * @since 0.1.0
     */
    @Parameter(property = "mexa.embeddings")
    File embeddings;

    /**
     * Pivot language that every other language is compared with.
     *
     * <pre>{@code <pivot>eng_Latn</pivot>}</pre>
     *
     * @since 0.1.0
     */
    @Parameter(property = "mexa.pivot", defaultValue = "eng_Latn")
    String pivot;

    /**
     * Languages to score, comma separated; empty scores every language found.
     *
     * <pre>{@code <languages>deu_Latn,fra_Latn,swh_Latn</languages>}</pre>
     *
     * @since 0.1.0
     */
    @Parameter(property = "mexa.languages")
    String languages;

    /**
     * How per-layer scores are pooled into one score per language: {@code mean} or {@code max}.
     *
     * <pre>{@code <pooling>mean</pooling>}</pre>
     *
     * @since 0.1.0
     */
    @Parameter(property = "mexa.pooling", defaultValue = "mean")
    String pooling;

    /**
     * Restricts pooling to a range of hidden states, {@code FROM-TO} or {@code FROM-} (0 is the embedding output);
     * empty pools every layer. Per-layer scores are reported for every layer regardless.
     *
     * <pre>{@code <layers>8-24</layers>}</pre>
     *
     * @since 0.1.0
     */
    @Parameter(property = "mexa.layers")
    String layers;

    /**
     * Where the reports are written; by default {@code ${project.build.directory}/mexa}, or {@code ./target/mexa}
     * when the goal runs without a project.
     *
     * <pre>{@code <outputDirectory>${project.build.directory}/mexa</outputDirectory>}</pre>
     *
     * @since 0.1.0
     */
    @Parameter(property = "mexa.outputDirectory")
    File outputDirectory;

    @Parameter(defaultValue = "${project}", readonly = true)
    MavenProject project;

    /**
     * Skips the goal.
     *
     * <pre>{@code <skip>true</skip>}</pre>
     *
     * @since 0.1.0
     */
    @Parameter(property = "mexa.skip", defaultValue = "false")
    boolean skip;

    @Override
    public void execute() throws MojoExecutionException {
        if (skip) {
            getLog().info("Skipping MEXA evaluation (mexa.skip=true).");
            return;
        }
        try {
            EvaluationSettings settings = new EvaluationSettings(pivot, EvaluationSettings.parseLanguages(languages),
                    Pooling.parse(pooling), LayerRange.parse(layers));
            if (embeddings == null) {
                throw new MexaException("No input: set mexa.embeddings to a directory of <lang>.safetensors files.");
            }
            MexaReport report;
            try (EmbeddingSource source = new ImportedEmbeddings(embeddings.toPath())) {
                report = new MexaEvaluator().evaluate(source, settings, new MavenMexaLog(getLog()));
            }
            ScoreTable.lines(report).forEach(getLog()::info);
            File reports = OutputDirectories.resolve(outputDirectory, project);
            ReportWriter.write(report, reports.toPath());
            getLog().info("MEXA reports written to " + reports);
        } catch (MexaException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        }
    }
}
