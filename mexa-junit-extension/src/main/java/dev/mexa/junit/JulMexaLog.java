package dev.mexa.junit;

import dev.mexa.core.MexaLog;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Routes mexa-core's progress lines and warnings to the {@code java.util.logging} logger {@code dev.mexa.junit},
 * with {@link MexaExtension} as their source.
 */
final class JulMexaLog implements MexaLog {

    private static final Logger LOGGER = Logger.getLogger("dev.mexa.junit");

    @Override
    public void info(String message) {
        log(Level.INFO, message);
    }

    @Override
    public void warn(String message) {
        log(Level.WARNING, message);
    }

    /** @param message a line for debugging, logged at {@link Level#FINE} */
    void fine(String message) {
        log(Level.FINE, message);
    }

    private static void log(Level level, String message) {
        LOGGER.logp(level, MexaExtension.class.getName(), null, message);
    }
}
