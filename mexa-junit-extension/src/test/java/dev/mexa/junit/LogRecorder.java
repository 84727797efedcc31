package dev.mexa.junit;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** Records every line of the extension's logger, FINE included, while installed. */
final class LogRecorder extends Handler implements AutoCloseable {

    private final Logger logger = Logger.getLogger("dev.mexa.junit");
    private final Level previousLevel = logger.getLevel();
    private final List<String> messages = new CopyOnWriteArrayList<>();

    /** Installs the recorder. */
    LogRecorder() {
        setLevel(Level.ALL);
        logger.setLevel(Level.ALL);
        logger.addHandler(this);
    }

    /**
     * @param prefix the start of a line
     * @return how many recorded lines start with it
     */
    long count(String prefix) {
        return messages.stream().filter(message -> message.startsWith(prefix)).count();
    }

    @Override
    public void publish(LogRecord logRecord) {
        messages.add(logRecord.getMessage());
    }

    @Override
    public void flush() {
        // nothing buffered
    }

    /** Uninstalls the recorder. */
    @Override
    public void close() {
        logger.removeHandler(this);
        logger.setLevel(previousLevel);
    }
}
