package dev.mexa.maven;

import dev.mexa.core.MexaException;
import dev.mexa.core.MexaLog;
import dev.mexa.core.evaluate.Evaluation;
import dev.mexa.core.gate.GateConfiguration;
import dev.mexa.core.gate.GateResult;
import dev.mexa.core.gate.GateRules;
import dev.mexa.core.gate.LanguageValues;
import java.io.File;
import java.nio.file.Path;
import java.util.Map;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * What {@code mexa:evaluate} and {@code mexa:check} share: the gate's parameters, the output directory and
 * {@code skip}, and one execution: get a {@link GateResult} from mexa-core, write the reports, then put the outcome
 * into the build ({@link GateOutcome}). Errors of configuration or input fail as MojoExecutionException with
 * mexa-core's one message.
 */
abstract class GateMojo extends AbstractMojo {

    /**
     * Where the reports are written; by default <code>${project.build.directory}/mexa</code>, or {@code ./target/mexa}
     * when the goal runs without a project ({@code mexa:check}: beside {@code report}).
     *
     * <pre>&lt;outputDirectory&gt;${project.build.directory}/mexa&lt;/outputDirectory&gt;</pre>
     *
     * @since 0.1.0
     */
    @Parameter(property = "mexa.outputDirectory")
    File outputDirectory;

    /**
     * Minimum MEXA score for every scored language except the pivot, unless {@code thresholds} sets its own: a
     * fraction or a percentage. Empty gates no language by default.
     *
     * <pre>&lt;minScore&gt;0.5&lt;/minScore&gt;</pre>
     *
     * @since 0.1.0
     */
    @Parameter(property = "mexa.minScore")
    String minScore;

    /**
     * Minimum MEXA score per language, overriding {@code minScore}; each a fraction or a percentage, in [0, 1]. A
     * threshold for a language that is not scored, or for the pivot, is a configuration error. On the command line
     * use {@code thresholdList} ({@code -Dmexa.thresholds=deu_Latn:0.85,swh_Latn:30%}).
     *
     * <pre>
     * &lt;thresholds&gt;
     *   &lt;deu_Latn&gt;0.85&lt;/deu_Latn&gt;
     *   &lt;swh_Latn&gt;30%&lt;/swh_Latn&gt;
     * &lt;/thresholds&gt;
     * </pre>
     *
     * @since 0.1.0
     */
    @Parameter
    Map<String, String> thresholds;

    /**
     * {@code thresholds} as one comma-separated list of {@code language:minimum} pairs, the form for
     * {@code -Dmexa.thresholds}; a language in both takes its value from this list.
     *
     * <pre>&lt;thresholdList&gt;deu_Latn:0.85,swh_Latn:30%&lt;/thresholdList&gt;</pre>
     *
     * @since 0.1.0
     */
    @Parameter(property = "mexa.thresholds")
    String thresholdList;

    /**
     * An earlier {@code mexa-report.json} to compare with: each language's baseline score goes into the reports,
     * and with {@code maxDrop} a language that falls further below it fails the gate. It must have been made with
     * the same pivot, embedding, pooling and layers.
     *
     * <pre>&lt;baseline&gt;${project.basedir}/mexa-baseline.json&lt;/baseline&gt;</pre>
     *
     * @since 0.1.0
     */
    @Parameter(property = "mexa.baseline")
    File baseline;

    /**
     * The largest fall below the {@code baseline} score allowed for any language, a fraction or a percentage;
     * requires {@code baseline}.
     *
     * <pre>&lt;maxDrop&gt;0.05&lt;/maxDrop&gt;</pre>
     *
     * @since 0.1.0
     */
    @Parameter(property = "mexa.maxDrop")
    String maxDrop;

    /**
     * The fewest sentences a language must be scored on for {@code minScore}, {@code thresholds} or {@code maxDrop}
     * to judge it; with fewer the build fails whatever the scores. With n sentences a score's 95% interval is about
     * +-1/sqrt(n): +-0.18 at the default 30, +-0.10 at 100, and with one sentence every language scores 1.0. Lower it
     * only knowingly, for a smoke test on a tiny corpus.
     *
     * <pre>&lt;minSentences&gt;30&lt;/minSentences&gt;</pre>
     *
     * @since 0.1.0
     */
    @Parameter(property = "mexa.minSentences", defaultValue = "30")
    int minSentences;

    /**
     * Whether a violated rule fails the build. When false, violations and the summary are logged as warnings and
     * the build goes on.
     *
     * <pre>&lt;haltOnFailure&gt;true&lt;/haltOnFailure&gt;</pre>
     *
     * @since 0.1.0
     */
    @Parameter(property = "mexa.haltOnFailure", defaultValue = "true")
    boolean haltOnFailure;

    /**
     * The model's English score per task, to report each language's estimated task score (MEXA score x English
     * score), as the MEXA leaderboard does. On the command line use {@code englishScoreList}
     * ({@code -Dmexa.englishScores=belebele:0.89}).
     *
     * <pre>
     * &lt;englishScores&gt;
     *   &lt;belebele&gt;0.89&lt;/belebele&gt;
     * &lt;/englishScores&gt;
     * </pre>
     *
     * @since 0.1.0
     */
    @Parameter
    Map<String, String> englishScores;

    /**
     * {@code englishScores} as one comma-separated list of {@code task:score} pairs, the form for
     * {@code -Dmexa.englishScores}; a task in both takes its value from this list.
     *
     * <pre>&lt;englishScoreList&gt;belebele:0.89,m-mmlu:65%&lt;/englishScoreList&gt;</pre>
     *
     * @since 0.1.0
     */
    @Parameter(property = "mexa.englishScores")
    String englishScoreList;

    /** The current project; a stub without a POM file when the goal runs outside a project. */
    @Parameter(defaultValue = "${project}", readonly = true)
    MavenProject project;

    /** The build, to tell a parallel one ({@code -T}), whose lines name the module. */
    @Parameter(defaultValue = "${session}", readonly = true)
    MavenSession session;

    /**
     * Skips the goal.
     *
     * <pre>&lt;skip&gt;true&lt;/skip&gt;</pre>
     *
     * @since 0.1.0
     */
    @Parameter(property = "mexa.skip", defaultValue = "false")
    boolean skip;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        MavenMexaLog log = new MavenMexaLog(getLog(), session != null && session.isParallel()
                ? project.getArtifactId() : null);
        if (skip) {
            log.info(skipMessage());
            return;
        }
        EngineLogLevels.quiet(getLog().isDebugEnabled(), System.getProperties());
        Path output = outputDirectory();
        GateResult result;
        try {
            result = gate(output, log);
            Evaluation.publish(result.report(), output, log);
        } catch (MexaException e) {
            // the message is complete; Maven would append each cause's message to it, so the cause goes to -X only
            getLog().debug(e);
            throw new MojoExecutionException(e.getMessage());
        } catch (RuntimeException e) {
            throw new MojoExecutionException(failureWhat() + " failed unexpectedly (" + e
                    + "); please report this with the output of mvn -e.", e);
        }
        GateOutcome.apply(result, haltOnFailure, log);
    }

    /** @return the line logged when {@code skip} is set */
    abstract String skipMessage();

    /** @return what the goal does, for an unexpected failure's message */
    abstract String failureWhat();

    /** @return where the reports go */
    abstract Path outputDirectory();

    /**
     * Gets the gated result; removes the earlier reports in {@code output} (see
     * {@link Evaluation#removePreviousReports}) before anything can fail, unless they are this goal's input.
     *
     * @param output where the reports will go
     * @param log progress lines and warnings
     * @return the gated result
     * @throws MexaException naming the parameter or file at fault
     */
    abstract GateResult gate(Path output, MexaLog log);

    /**
     * @return the gate parameters as rules, checked
     * @throws MexaException naming the parameter at fault
     */
    GateRules gateRules() {
        return GateConfiguration.rules(minScore,
                LanguageValues.merge(thresholds, "thresholds", thresholdList, "mexa.thresholds"), path(baseline),
                maxDrop).withMinSentences(minSentences);
    }

    /** @return {@code englishScores} and {@code englishScoreList} merged */
    Map<String, Double> englishScoreValues() {
        return LanguageValues.merge(englishScores, "englishScores", englishScoreList, "mexa.englishScores");
    }

    static Path path(File file) {
        return file == null ? null : file.toPath();
    }
}
