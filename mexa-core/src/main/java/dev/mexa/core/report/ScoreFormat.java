package dev.mexa.core.report;

import java.util.Locale;

/** Formats scores the same way in logs, Markdown and violation messages: two or three decimals, dot separator. */
public final class ScoreFormat {

    private ScoreFormat() {
    }

    /**
     * @param value a score
     * @return the score with three decimals, e.g. {@code 0.734}
     */
    public static String score(double value) {
        return String.format(Locale.ROOT, "%.3f", value);
    }

    /**
     * @param value a score or threshold
     * @return the value with two decimals, e.g. {@code 0.30}, as in violation messages
     */
    public static String brief(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }

    /**
     * @param delta a change of score
     * @return it with three decimals and its sign, a true minus sign for drops: {@code +0.020}, {@code −0.080}
     */
    public static String signed(double delta) {
        return (delta < 0 ? "−" : "+") + score(Math.abs(delta));
    }
}
