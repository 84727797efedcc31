package dev.mexa.core.gate;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.function.IntPredicate;

/**
 * Words the gate's violation lines and summary. Numbers get two decimals, as in
 * {@code MEXA score is 0.21, but expected minimum is 0.30}, and more (up to six) only where two decimals would hide
 * the violation (a score of 0.298 against a minimum of 0.30).
 */
final class ViolationMessages {

    private static final int MIN_DECIMALS = 2;
    private static final int MAX_DECIMALS = 6;
    /** Drops floating-point noise first, so that a mean of k/n such as 0.51499999999999 reads 0.52, as 0.515 does. */
    private static final MathContext SIGNIFICANT = new MathContext(12);

    private ViolationMessages() {
    }

    /**
     * @param language the language code
     * @param score its MEXA score
     * @param minimum the threshold it falls below
     * @return {@code Rule violated for language swh_Latn: MEXA score is 0.21, but expected minimum is 0.30}
     */
    static String belowMinimum(String language, double score, double minimum) {
        int decimals = decimals(places -> round(score, places).compareTo(round(minimum, places)) < 0);
        return "Rule violated for language " + language + ": MEXA score is " + format(score, decimals)
                + ", but expected minimum is " + format(minimum, decimals);
    }

    /**
     * @param language the language code
     * @param baseline its score in the baseline
     * @param score its score now
     * @param baselineName the baseline's file name
     * @param maxDrop the largest drop allowed
     * @return {@code Rule violated for language X: MEXA score dropped from 0.74 to 0.61 (baseline
     *     mexa-baseline.json), more than 0.05}
     */
    static String dropped(String language, double baseline, double score, String baselineName, double maxDrop) {
        int decimals = decimals(places -> round(baseline, places).subtract(round(score, places))
                .compareTo(round(maxDrop, places)) > 0);
        return "Rule violated for language " + language + ": MEXA score dropped from " + format(baseline, decimals)
                + " to " + format(score, decimals) + " (baseline " + baselineName + "), more than "
                + format(maxDrop, decimals);
    }

    private static int decimals(IntPredicate showsViolation) {
        for (int places = MIN_DECIMALS; places < MAX_DECIMALS; places++) {
            if (showsViolation.test(places)) {
                return places;
            }
        }
        return MAX_DECIMALS;
    }

    private static BigDecimal round(double value, int places) {
        return BigDecimal.valueOf(value).round(SIGNIFICANT).setScale(places, RoundingMode.HALF_UP);
    }

    private static String format(double value, int places) {
        return round(value, places).toPlainString();
    }
}
