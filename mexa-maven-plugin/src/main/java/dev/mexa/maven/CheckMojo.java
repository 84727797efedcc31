package dev.mexa.maven;

import dev.mexa.core.MexaLog;
import dev.mexa.core.evaluate.Evaluation;
import dev.mexa.core.gate.GateResult;
import dev.mexa.core.report.ReportWriter;
import java.io.File;
import java.nio.file.Path;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Gates a recorded {@code mexa-report.json} without a model, as jacoco's {@code check} gates recorded coverage: the
 * same gate parameters as {@code mexa:evaluate} ({@code minScore}, {@code thresholds}, {@code baseline},
 * {@code maxDrop}, {@code haltOnFailure}), the same one line per violation and summary, the same build failure.
 * The gated reports are written beside {@code report}, or into {@code outputDirectory} when it is set.
 *
 * <p>{@code mvn dev.mexa:mexa-maven-plugin:0.1.0-SNAPSHOT:check -Dmexa.report=target/mexa/mexa-report.json
 * -Dmexa.minScore=0.5}
 *
 * @since 0.1.0
 */
@Mojo(name = "check", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true, requiresProject = false)
public class CheckMojo extends GateMojo {

    /**
     * The recorded report to gate, as {@code mexa:evaluate} writes it; by default
     * <code>${project.build.directory}/mexa/mexa-report.json</code>, or {@code ./target/mexa/mexa-report.json}
     * without a project.
     *
     * <pre>&lt;report&gt;${project.build.directory}/mexa/mexa-report.json&lt;/report&gt;</pre>
     *
     * @since 0.1.0
     */
    @Parameter(property = "mexa.report")
    File report;

    @Override
    String skipMessage() {
        return "Skipping MEXA check (mexa.skip=true).";
    }

    @Override
    String failureWhat() {
        return "MEXA check";
    }

    @Override
    Path outputDirectory() {
        return outputDirectory != null ? outputDirectory.toPath() : reportFile().toAbsolutePath().getParent();
    }

    @Override
    GateResult gate(Path output, MexaLog log) {
        Path recorded = reportFile();
        GateResult result = Evaluation.check(recorded, gateRules(), englishScoreValues());
        if (!output.toAbsolutePath().equals(recorded.toAbsolutePath().getParent())) {
            Evaluation.removePreviousReports(output, log);
        }
        return result;
    }

    private Path reportFile() {
        return report != null ? report.toPath()
                : OutputDirectories.resolve(null, project).toPath().resolve(ReportWriter.JSON);
    }
}
