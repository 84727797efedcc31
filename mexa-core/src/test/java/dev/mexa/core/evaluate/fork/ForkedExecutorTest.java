package dev.mexa.core.evaluate.fork;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.djl.engine.Engine;
import dev.mexa.core.DjlEngine;
import dev.mexa.core.MexaConfigurationException;
import dev.mexa.core.MexaException;
import dev.mexa.core.MexaLog;
import dev.mexa.core.RecordingLog;
import dev.mexa.core.evaluate.EvaluationRequest;
import dev.mexa.core.evaluate.InProcessExecutor;
import dev.mexa.core.example.ExampleProject;
import dev.mexa.core.gate.GateRules;
import dev.mexa.core.report.MexaReport;
import dev.mexa.core.report.ReportJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Forks real scorer JVMs on this test's class path, over a tiny generated checkpoint. */
class ForkedExecutorTest {

    @TempDir
    static Path temp;

    private static Path model;
    private static Path corpus;

    @BeforeAll
    static void writeExample() {
        ExampleProject example = new ExampleProject(ExampleProject.DEFAULT_ALIGNMENT, 7);
        model = temp.resolve("model");
        corpus = temp.resolve("corpus");
        example.writeModel(model);
        example.writeCorpus(corpus, 30);
    }

    private static ScorerJvm jvm(String jvmArgs) {
        return TestScorerJvm.onThisClassPath(jvmArgs);
    }

    private static EvaluationRequest.Builder request() {
        return EvaluationRequest.builder().model(model).corpus(corpus).device("cpu").cache(false)
                .languages(List.of("deu_Latn", "swh_Latn", "wol_Latn"));
    }

    /** The report with its run-specific fields (time of creation, duration) set alike. */
    private static String comparable(MexaReport report) {
        return ReportJson.toJson(new MexaReport(report.pivot(), report.embedding(), report.pooling(),
                report.sentences(), report.layers(), report.layerRange(), report.model(), report.corpus(), "-", 0,
                report.notes(), report.languages()));
    }

    @Test
    void theForkedScorerReturnsExactlyTheInProcessReportAndItsLogLines() {
        List<String> forkedLines = new ArrayList<>();
        MexaReport forked = new ForkedExecutor(jvm("-Xmx256m")).score(request().build(), new RecordingLog(forkedLines));
        List<String> inProcessLines = new ArrayList<>();
        MexaReport inProcess = new InProcessExecutor().score(request().build(), new RecordingLog(inProcessLines));

        assertThat(comparable(forked)).isEqualTo(comparable(inProcess));
        forked.languages().forEach((code, result) -> assertThat(result.layerScores())
                .isEqualTo(inProcess.languages().get(code).layerScores()));
        assertThat(forkedLines.get(0)).startsWith("Scoring in a forked JVM (OMP_WAIT_POLICY=");
        assertThat(forkedLines).anyMatch(line -> line.startsWith("Loaded llama model "))
                .anyMatch(line -> line.startsWith("Scored wol_Latn"));
    }

    @Test
    void aChildThatDiesIsOneErrorWithItsStatusItsLastLinesAndTheFix() {
        assertThatThrownBy(() -> new ForkedExecutor(jvm("-Xmx1m")).score(request().build(), MexaLog.silent()))
                .isInstanceOf(MexaException.class)
                .hasMessageStartingWith("The MEXA scorer JVM exited with status 1 without writing its report. Its last"
                        + " output:\n  ")
                .hasMessageContaining("Too small")
                .hasMessageEndingWith("\nSet its heap or other JVM options with scorerJvmArgs (mexa.scorerJvmArgs),"
                        + " e.g. -Xmx8g, or set fork (mexa.fork) to false to score in the build's JVM.");
    }

    @Test
    void aConfigurationErrorCostsNoFork() {
        // a scorer JVM of this heap could not even start: the error must come from the check before the fork
        EvaluationRequest request = request().gate(GateRules.builder().threshold("fra_Latn", 0.5).build()).build();

        assertThatThrownBy(() -> new ForkedExecutor(jvm("-Xmx1m")).score(request, MexaLog.silent()))
                .isInstanceOf(MexaConfigurationException.class)
                .hasMessageStartingWith("The minimum for fra_Latn (thresholds, mexa.thresholds, @MinScore) names a"
                        + " language that is not among the scored languages");
    }

    @Test
    void anInputErrorFoundInTheChildIsTheInProcessMessage() throws IOException {
        Path broken = temp.resolve("broken-model");
        new ExampleProject(ExampleProject.DEFAULT_ALIGNMENT, 7).writeModel(broken);
        Path weights = broken.resolve("model.safetensors");
        byte[] bytes = Files.readAllBytes(weights);
        Files.write(weights, Arrays.copyOf(bytes, bytes.length - 16));
        EvaluationRequest request = request().model(broken).build();

        String inProcess = message(() -> new InProcessExecutor().score(request, MexaLog.silent()));
        assertThat(message(() -> new ForkedExecutor(jvm(null)).score(request, MexaLog.silent())))
                .isEqualTo(inProcess);
    }

    @Test
    void aGpuTheEngineLacksIsFoundInTheChildWithTheInProcessMessage() {
        // the build's JVM does not start the engine, so the child finds it: the message is the one the user sees
        assumeTrue(Engine.getEngine(DjlEngine.NAME).getGpuCount() == 0, "a GPU is visible");
        EvaluationRequest request = request().device("gpu").build();

        String inProcess = message(() -> new InProcessExecutor().score(request, MexaLog.silent()));
        assertThat(inProcess).startsWith("device (mexa.device) is gpu but the PyTorch engine sees no GPU: install the"
                + " CUDA flavour of the PyTorch native library");
        assertThat(message(() -> new ForkedExecutor(jvm(null)).score(request, MexaLog.silent())))
                .isEqualTo(inProcess);
    }

    private static String message(Runnable run) {
        try {
            run.run();
        } catch (MexaException e) {
            return e.getMessage();
        }
        throw new AssertionError("no MexaException");
    }
}
