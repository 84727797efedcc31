package dev.mexa.maven;

import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.logging.SystemStreamLog;

/** A build log that keeps every info, warning and error line as {@code LEVEL message}, for assertions. */
final class RecordingLog extends SystemStreamLog {

    private final List<String> lines = new ArrayList<>();

    /** @return the lines logged so far, e.g. {@code ERROR Rule violated for language ...} */
    List<String> lines() {
        return List.copyOf(lines);
    }

    /**
     * @param level {@code INFO}, {@code WARN} or {@code ERROR}
     * @return the messages logged at that level
     */
    List<String> at(String level) {
        String prefix = level + " ";
        return lines.stream().filter(line -> line.startsWith(prefix)).map(line -> line.substring(prefix.length()))
                .toList();
    }

    @Override
    public void info(CharSequence content) {
        lines.add("INFO " + content);
    }

    @Override
    public void warn(CharSequence content) {
        lines.add("WARN " + content);
    }

    @Override
    public void error(CharSequence content) {
        lines.add("ERROR " + content);
    }
}
