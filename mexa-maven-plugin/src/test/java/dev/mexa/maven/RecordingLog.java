package dev.mexa.maven;

import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.logging.Log;

/** A build log that keeps every line as {@code LEVEL message}, for assertions. */
final class RecordingLog implements Log {

    private final List<String> lines = new ArrayList<>();

    /** @return the lines logged so far, e.g. {@code ERROR Rule violated for language ...} */
    List<String> lines() {
        return List.copyOf(lines);
    }

    /**
     * @param level {@code DEBUG}, {@code INFO}, {@code WARN} or {@code ERROR}
     * @return the messages logged at that level
     */
    List<String> at(String level) {
        return lines.stream().filter(line -> line.startsWith(level + " ")).map(line -> line.substring(level.length() + 1))
                .toList();
    }

    private void add(String level, CharSequence content, Throwable error) {
        lines.add(level + " " + (content == null ? String.valueOf(error) : content));
    }

    @Override
    public boolean isDebugEnabled() {
        return true;
    }

    @Override
    public void debug(CharSequence content) {
        add("DEBUG", content, null);
    }

    @Override
    public void debug(CharSequence content, Throwable error) {
        add("DEBUG", content, error);
    }

    @Override
    public void debug(Throwable error) {
        add("DEBUG", null, error);
    }

    @Override
    public boolean isInfoEnabled() {
        return true;
    }

    @Override
    public void info(CharSequence content) {
        add("INFO", content, null);
    }

    @Override
    public void info(CharSequence content, Throwable error) {
        add("INFO", content, error);
    }

    @Override
    public void info(Throwable error) {
        add("INFO", null, error);
    }

    @Override
    public boolean isWarnEnabled() {
        return true;
    }

    @Override
    public void warn(CharSequence content) {
        add("WARN", content, null);
    }

    @Override
    public void warn(CharSequence content, Throwable error) {
        add("WARN", content, error);
    }

    @Override
    public void warn(Throwable error) {
        add("WARN", null, error);
    }

    @Override
    public boolean isErrorEnabled() {
        return true;
    }

    @Override
    public void error(CharSequence content) {
        add("ERROR", content, null);
    }

    @Override
    public void error(CharSequence content, Throwable error) {
        add("ERROR", content, error);
    }

    @Override
    public void error(Throwable error) {
        add("ERROR", null, error);
    }
}
