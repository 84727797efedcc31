package dev.mexa.core.evaluate.fork;

import dev.mexa.core.MexaConfigurationException;
import dev.mexa.core.MexaException;
import dev.mexa.core.MexaLog;
import dev.mexa.core.embedding.EmbeddingSource;
import dev.mexa.core.evaluate.EvaluationExecutor;
import dev.mexa.core.evaluate.EvaluationRequest;
import dev.mexa.core.evaluate.InProcessExecutor;
import dev.mexa.core.io.InputFiles;
import dev.mexa.core.io.StrictJson;
import dev.mexa.core.report.MexaReport;
import dev.mexa.core.report.ReportJson;
import dev.mexa.core.runtime.CpuThreads;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.stream.Stream;

/**
 * Scores a request in a scorer JVM ({@link ScorerJvm}): checks the whole request here first (the input opened, its
 * languages and the gate checked), so that no configuration error costs a fork; then hands the child the request
 * file ({@link ScorerRequestFile}), forwards its log lines to this log and reads back the ungated report it writes
 * ({@link ReportJson}, exact for every number). This JVM never starts the PyTorch engine: the check before the fork
 * reads files only (no model loaded, no native library), and what needs the engine, from the device and dtype on, is
 * found in the child, whose errors (device gpu where the engine sees no GPU, an engine that cannot start, an
 * unreadable checkpoint) come back through its error file as the same message as in this JVM ({@link ScorerMain}).
 * The child's environment lets its automatic threads use every processor without stalling on busy cores, its heap
 * is its own, and a native abort ends the child, not the build: a child that ends without a report is one
 * {@link MexaException} with its exit status, its last output lines and the fix.
 */
public final class ForkedExecutor implements EvaluationExecutor {

    /** How many of a failed child's last output lines its message repeats. */
    static final int TAIL_LINES = 20;

    private final ScorerJvm jvm;

    /** @param jvm how the scorer JVM is started */
    public ForkedExecutor(ScorerJvm jvm) {
        this.jvm = jvm;
    }

    @Override
    public MexaReport score(EvaluationRequest request, MexaLog log) {
        try (EmbeddingSource source = request.input().open(MexaLog.silent())) {
            InProcessExecutor.plan(request, source);
        }
        Path work = workDirectory();
        try {
            Path requestFile = work.resolve("request.json");
            Path reportFile = work.resolve("report.json");
            Path errorFile = work.resolve("error.txt");
            ScorerRequestFile.write(request, requestFile);
            log.info("Scoring in a forked JVM (" + CpuThreads.WAIT_POLICY + "=" + waitPolicy()
                    + (jvm.jvmArgs().isEmpty() ? "" : ", " + String.join(" ", jvm.jvmArgs())) + ")");
            Deque<String> tail = new ArrayDeque<>();
            int status = run(List.of(requestFile.toString(), reportFile.toString(), errorFile.toString()), log, tail);
            if ((status == ScorerMain.INPUT_ERROR || status == ScorerMain.CONFIGURATION_ERROR)
                    && Files.isRegularFile(errorFile)) {
                String message = InputFiles.readUtf8(errorFile, "scorer error", StrictJson.MAX_FILE_BYTES);
                throw status == ScorerMain.CONFIGURATION_ERROR ? new MexaConfigurationException(message)
                        : new MexaException(message);
            }
            if (status != 0 || !Files.isRegularFile(reportFile)) {
                throw died(status, tail);
            }
            return ReportJson.read(reportFile);
        } finally {
            delete(work);
        }
    }

    private String waitPolicy() {
        String policy = System.getenv(CpuThreads.WAIT_POLICY);
        return policy == null ? ScorerJvm.PASSIVE : policy;
    }

    private int run(List<String> args, MexaLog log, Deque<String> tail) {
        ProcessBuilder builder = jvm.processBuilder(ScorerMain.class.getName(), args).redirectErrorStream(true);
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new MexaException("Cannot start the MEXA scorer JVM " + builder.command().get(0) + " ("
                    + e.getMessage() + "): set fork (mexa.fork) to false to score in the build's JVM.", e);
        }
        try (OutputStream parentAlive = process.getOutputStream();
                BufferedReader output = new BufferedReader(new InputStreamReader(process.getInputStream(),
                        StandardCharsets.UTF_8))) {
            for (String line = output.readLine(); line != null; line = output.readLine()) {
                if (!ScorerOutput.forward(line, log)) {
                    tail.addLast(line);
                    if (tail.size() > TAIL_LINES) {
                        tail.removeFirst();
                    }
                }
            }
            return process.waitFor();
        } catch (IOException e) {
            throw new MexaException("Lost the output of the MEXA scorer JVM (" + e.getMessage() + "): set fork"
                    + " (mexa.fork) to false to score in the build's JVM.", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MexaException("Interrupted while the MEXA scorer JVM ran.", e);
        } finally {
            process.destroyForcibly();
        }
    }

    private MexaException died(int status, Deque<String> tail) {
        StringBuilder message = new StringBuilder("The MEXA scorer JVM ").append(ended(status))
                .append(" without writing its report.");
        if (tail.isEmpty()) {
            message.append(" It printed nothing. ");
        } else {
            message.append(" Its last output:");
            tail.forEach(line -> message.append("\n  ").append(line));
            message.append('\n');
        }
        return new MexaException(message.append("Set its heap or other JVM options with scorerJvmArgs")
                .append(" (mexa.scorerJvmArgs), e.g. -Xmx8g, or set fork (mexa.fork) to false to score in the")
                .append(" build's JVM.").toString());
    }

    /** The JVM reports a child ended by signal N as 128 + N. */
    private static String ended(int status) {
        if (status <= 128 || status > 128 + 64) {
            return "exited with status " + status;
        }
        int signal = status - 128;
        String name = switch (signal) {
            case 6 -> " (SIGABRT: a native abort, e.g. of libtorch)";
            case 9 -> " (SIGKILL: killed, e.g. by the system when memory ran out)";
            case 11 -> " (SIGSEGV: a native crash)";
            default -> "";
        };
        return "was ended by signal " + signal + name + ", exit status " + status;
    }

    private static Path workDirectory() {
        try {
            return Files.createTempDirectory("mexa-scorer-");
        } catch (IOException e) {
            throw new MexaException("Cannot create a temporary directory for the MEXA scorer JVM in "
                    + System.getProperty("java.io.tmpdir") + " (" + e.getMessage() + "): free space there, or set"
                    + " fork (mexa.fork) to false.", e);
        }
    }

    private static void delete(Path directory) {
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            // a left-over temporary directory holds nothing the next run reads
        }
    }
}
