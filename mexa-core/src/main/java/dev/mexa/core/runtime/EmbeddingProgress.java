package dev.mexa.core.runtime;

import dev.mexa.core.MexaLog;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * One log line per embedded language: its sentences per second and an estimate of the time left for the languages
 * of the corpus not embedded yet (at the average pace so far).
 */
final class EmbeddingProgress {

    private final MexaLog log;
    private final int languages;
    private final Set<String> done = new HashSet<>();
    private long totalNanos;

    /**
     * @param log where lines go
     * @param languages how many languages the corpus holds
     */
    EmbeddingProgress(MexaLog log, int languages) {
        this.log = log;
        this.languages = languages;
    }

    /**
     * @param language the language just embedded
     * @param sentences how many sentences it had
     * @param nanos how long it took
     */
    void embedded(String language, int sentences, long nanos) {
        done.add(language);
        totalNanos += nanos;
        double seconds = nanos / 1e9;
        int remaining = Math.max(0, languages - done.size());
        double eta = remaining * (totalNanos / 1e9) / done.size();
        log.info(String.format(Locale.ROOT, "Embedded %s: %d sentences in %.1f s (%.1f sentences/s); %d of %d"
                + " languages done, ETA %s for the other %d", language, sentences, seconds, sentences / seconds,
                done.size(), languages, duration(eta), remaining));
    }

    private static String duration(double seconds) {
        long rounded = Math.round(seconds);
        return rounded < 60 ? rounded + " s" : rounded / 60 + " min " + rounded % 60 + " s";
    }
}
