package dev.mexa.maven;

import dev.mexa.core.MexaLog;
import org.apache.maven.plugin.logging.Log;

/**
 * Routes mexa-core's progress lines and warnings, and the gate's verdict lines, to the Maven build log. In a parallel
 * build ({@code -T}) each line starts with the module's artifactId in brackets, so that two modules' lines can be told
 * apart.
 */
final class MavenMexaLog implements MexaLog {

    private final Log log;
    private final String prefix;

    /**
     * @param log the mojo's log
     * @param module the artifactId to prefix each line with, or {@code null} for none
     */
    MavenMexaLog(Log log, String module) {
        this.log = log;
        this.prefix = module == null ? "" : "[" + module + "] ";
    }

    @Override
    public void info(String message) {
        log.info(prefix + message);
    }

    @Override
    public void warn(String message) {
        log.warn(prefix + message);
    }

    /** @param message a line at error level, such as a violated rule that fails the build */
    void error(String message) {
        log.error(prefix + message);
    }
}
