package dev.mexa.maven;

import dev.mexa.core.MexaLog;
import org.apache.maven.plugin.logging.Log;

/** Routes mexa-core's progress lines and warnings to the Maven build log. */
final class MavenMexaLog implements MexaLog {

    private final Log log;

    MavenMexaLog(Log log) {
        this.log = log;
    }

    @Override
    public void info(String message) {
        log.info(message);
    }

    @Override
    public void warn(String message) {
        log.warn(message);
    }
}
