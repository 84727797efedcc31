package dev.mexa.core.evaluate;

import dev.mexa.core.MexaLog;
import dev.mexa.core.report.ScoreFormat;
import java.util.Locale;

/**
 * Progress lines of an evaluation: a language's score, how fast its sentences were embedded, and an estimate of the
 * time left for the languages still to come (at the average pace so far, pivot included). Up to ten languages get a
 * line each; beyond that about every tenth does (and the last), so that with the score table a run logs about one
 * line per language, however many there are.
 */
final class EvaluationProgress {

    private static final int LINES = 10;

    private final MexaLog log;
    private final int languages;
    private int done;
    private long totalNanos;

    /**
     * @param log where lines go
     * @param languages how many languages the evaluation embeds, the pivot included
     */
    EvaluationProgress(MexaLog log, int languages) {
        this.log = log;
        this.languages = languages;
    }

    /**
     * @param language the pivot, just embedded
     * @param sentences how many sentences it has
     * @param nanos how long embedding took
     */
    void pivotEmbedded(String language, int sentences, long nanos) {
        report("Embedded pivot " + language + ":", sentences, nanos);
    }

    /**
     * @param language a language just embedded and scored
     * @param score its pooled MEXA score
     * @param sentences how many sentences it has
     * @param nanos how long embedding and scoring took
     */
    void scored(String language, double score, int sentences, long nanos) {
        report("Scored " + language + ": " + ScoreFormat.score(score) + ",", sentences, nanos);
    }

    private void report(String what, int sentences, long nanos) {
        done++;
        totalNanos += nanos;
        int every = (languages + LINES - 1) / LINES;
        if (done % Math.max(1, every) != 0 && done != 1 && done != languages) {
            return;
        }
        double seconds = nanos / 1e9;
        int remaining = Math.max(0, languages - done);
        double eta = remaining * (totalNanos / 1e9) / done;
        log.info(String.format(Locale.ROOT, "%s %d sentences in %.1f s (%.1f sentences/s); %d of %d languages"
                + " done, ETA %s", what, sentences, seconds, sentences / Math.max(seconds, 1e-9), done, languages,
                duration(eta)));
    }

    private static String duration(double seconds) {
        long rounded = Math.round(seconds);
        return rounded < 60 ? rounded + " s" : rounded / 60 + " min " + rounded % 60 + " s";
    }
}
