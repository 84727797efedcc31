package dev.mexa.core.evaluate.fork;

import dev.mexa.core.MexaConfigurationException;
import dev.mexa.core.MexaException;
import dev.mexa.core.MexaLog;
import dev.mexa.core.evaluate.InProcessExecutor;
import dev.mexa.core.io.AtomicFiles;
import dev.mexa.core.report.MexaReport;
import dev.mexa.core.report.ReportJson;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The scorer JVM's entry point, started by {@link ForkedExecutor}: reads the request file, embeds and scores it in this
 * JVM, and writes the ungated report; its log lines go to the standard output ({@link ScorerOutput}). A configuration
 * or input error is written, as its message, to the error file, and the JVM exits with {@value #CONFIGURATION_ERROR} or
 * {@value #INPUT_ERROR}. The scorer ends itself when its standard input closes: the build that started it is gone.
 */
public final class ScorerMain {

    /** The exit status of a scorer that wrote its error file. */
    static final int INPUT_ERROR = 2;
    /** The exit status of a scorer that wrote its error file for a {@link MexaConfigurationException}. */
    static final int CONFIGURATION_ERROR = 4;
    /** The exit status of a scorer whose parent went away. */
    static final int ORPHANED = 3;

    private ScorerMain() {
    }

    /**
     * @param args the request file, the report file to write, the error file to write on an input error
     */
    public static void main(String[] args) {
        endWithParent();
        MexaLog log = ScorerOutput.printing(System.out);
        int status = 0;
        try {
            MexaReport report = new InProcessExecutor().score(ScorerRequestFile.read(Path.of(args[0])), log);
            AtomicFiles.write(Path.of(args[1]), ReportJson.toJson(report));
        } catch (MexaException e) {
            AtomicFiles.write(Path.of(args[2]), e.getMessage());
            status = e instanceof MexaConfigurationException ? CONFIGURATION_ERROR : INPUT_ERROR;
        }
        System.out.flush();
        // the engine's threads would keep the JVM alive
        System.exit(status);
    }

    private static void endWithParent() {
        Thread watcher = new Thread(() -> {
            try {
                while (System.in.read() != -1) {
                    // the parent writes nothing; end of input means it closed the pipe or died
                }
            } catch (IOException e) {
                // treated as the end of input
            }
            Runtime.getRuntime().halt(ORPHANED);
        }, "mexa-scorer-parent-watch");
        watcher.setDaemon(true);
        watcher.start();
    }
}
