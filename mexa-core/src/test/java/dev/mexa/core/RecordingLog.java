package dev.mexa.core;

import java.util.List;

/** A {@link MexaLog} that appends every line to a list, warnings prefixed {@code WARN }. */
public final class RecordingLog implements MexaLog {

    private final List<String> lines;

    /** @param lines where lines go (synchronized by the caller when shared between threads) */
    public RecordingLog(List<String> lines) {
        this.lines = lines;
    }

    @Override
    public void info(String message) {
        lines.add(message);
    }

    @Override
    public void warn(String message) {
        lines.add("WARN " + message);
    }
}
