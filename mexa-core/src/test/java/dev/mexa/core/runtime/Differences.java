package dev.mexa.core.runtime;

/** Relative differences between computed float32 values and float64 references, scaled by the reference's size. */
final class Differences {

    private Differences() {
    }

    /**
     * @param actual computed values
     * @param expected reference values, same length
     * @return {@code max |actual - expected| / max |expected|}
     */
    static double relative(float[] actual, double[] expected) {
        if (actual.length != expected.length) {
            throw new AssertionError("lengths differ: " + actual.length + " vs " + expected.length);
        }
        double worst = 0;
        double scale = 0;
        for (int i = 0; i < actual.length; i++) {
            worst = Math.max(worst, Math.abs(actual[i] - expected[i]));
            scale = Math.max(scale, Math.abs(expected[i]));
        }
        return worst / scale;
    }

    /**
     * @param actual computed values
     * @param expected other computed values, same length
     * @return {@code max |actual - expected| / max |expected|}
     */
    static double relative(float[] actual, float[] expected) {
        double[] wide = new double[expected.length];
        for (int i = 0; i < wide.length; i++) {
            wide[i] = expected[i];
        }
        return relative(actual, wide);
    }

    /**
     * @param rows a matrix
     * @return its rows concatenated
     */
    static double[] flatten(double[][] rows) {
        return java.util.Arrays.stream(rows).flatMapToDouble(java.util.Arrays::stream).toArray();
    }
}
