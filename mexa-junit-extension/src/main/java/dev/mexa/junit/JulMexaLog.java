package dev.mexa.junit;

import dev.mexa.core.MexaLog;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Routes mexa-core's progress lines and warnings to the {@code java.util.logging} logger {@code dev.mexa.junit}. */
final class JulMexaLog implements MexaLog {

    /** The logger every line of the extension goes to. */
    static final Logger LOGGER = Logger.getLogger("dev.mexa.junit");

    @Override
    public void info(String message) {
        LOGGER.info(message);
    }

    @Override
    public void warn(String message) {
        LOGGER.warning(message);
    }

    /** @param message a line for debugging, logged at {@link Level#FINE} */
    void fine(String message) {
        LOGGER.fine(message);
    }
}
