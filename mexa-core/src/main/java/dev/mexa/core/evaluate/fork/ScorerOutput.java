package dev.mexa.core.evaluate.fork;

import com.google.gson.JsonElement;
import com.google.gson.JsonPrimitive;
import dev.mexa.core.MexaException;
import dev.mexa.core.MexaLog;
import dev.mexa.core.io.StrictJson;
import java.io.PrintStream;

/**
 * The scorer's log lines on its standard output: {@code @mexa:info "..."} and {@code @mexa:warn "..."}, each message
 * one JSON string (so that a message of several lines stays one line). The parent forwards them to its own log; any
 * other output of the child (the engine's, a JVM error) is not a log line.
 */
final class ScorerOutput {

    private static final String INFO = "@mexa:info ";
    private static final String WARN = "@mexa:warn ";

    private ScorerOutput() {
    }

    /**
     * @param out the child's standard output
     * @return a log that writes log lines to it
     */
    static MexaLog printing(PrintStream out) {
        return new MexaLog() {
            @Override
            public void info(String message) {
                print(INFO, message);
            }

            @Override
            public void warn(String message) {
                print(WARN, message);
            }

            private void print(String prefix, String message) {
                synchronized (out) {
                    out.println(prefix + new JsonPrimitive(message));
                    out.flush();
                }
            }
        };
    }

    /**
     * @param line a line of the child's output
     * @param log the parent's log
     * @return whether it was a log line, now forwarded
     */
    static boolean forward(String line, MexaLog log) {
        boolean info = line.startsWith(INFO);
        if (!info && !line.startsWith(WARN)) {
            return false;
        }
        String message;
        try {
            JsonElement text = StrictJson.parse(line.substring(info ? INFO.length() : WARN.length()),
                    "A scorer log line", "");
            if (!text.isJsonPrimitive() || !text.getAsJsonPrimitive().isString()) {
                return false;
            }
            message = text.getAsString();
        } catch (MexaException e) {
            return false;
        }
        if (info) {
            log.info(message);
        } else {
            log.warn(message);
        }
        return true;
    }
}
