package dev.mexa.core.score;

/**
 * A 95% Wilson score interval for a proportion observed over n sentences.
 *
 * @param lower lower bound, in [0, 1]
 * @param upper upper bound, in [0, 1]
 */
public record WilsonInterval(double lower, double upper) {

    /** The normal quantile for 95% two-sided coverage. */
    private static final double Z = 1.959963984540054;

    /**
     * @param proportion the observed proportion (a score), in [0, 1]
     * @param n the number of sentences it was observed over, at least 1
     * @return the interval
     */
    public static WilsonInterval of(double proportion, int n) {
        double z2 = Z * Z;
        double denominator = 1 + z2 / n;
        double centre = (proportion + z2 / (2.0 * n)) / denominator;
        double halfWidth = Z * Math.sqrt(proportion * (1 - proportion) / n + z2 / (4.0 * n * n)) / denominator;
        return new WilsonInterval(Math.max(0, centre - halfWidth), Math.min(1, centre + halfWidth));
    }
}
