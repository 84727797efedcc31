package dev.mexa.core.runtime.checkpoint;

/**
 * Rotary position embedding parameters: the base {@code rope_theta} and, optionally, the {@code llama3} frequency
 * scaling of Llama 3.1/3.2 ({@code rope_scaling} with {@code factor}, {@code low_freq_factor},
 * {@code high_freq_factor}, {@code original_max_position_embeddings}).
 *
 * @param theta the base of the geometric frequency progression
 * @param llama3Scaling whether the llama3 scaling applies (the four numbers below are then meaningful)
 * @param factor how much the context was stretched
 * @param lowFreqFactor wavelengths above {@code original / lowFreqFactor} are divided by {@code factor}
 * @param highFreqFactor wavelengths below {@code original / highFreqFactor} are kept
 * @param originalMaxPositions the context length before scaling
 */
public record RopeSettings(double theta, boolean llama3Scaling, double factor, double lowFreqFactor,
        double highFreqFactor, double originalMaxPositions) {

    /**
     * @param theta the base
     * @return unscaled rotary settings
     */
    public static RopeSettings plain(double theta) {
        return new RopeSettings(theta, false, 1, 1, 1, 1);
    }

    /**
     * The inverse frequencies, one per pair of head dimensions, as in HuggingFace's rotary embedding (computed in
     * double precision).
     *
     * @param headDim the attention head size (even)
     * @return {@code headDim / 2} inverse frequencies
     */
    public double[] inverseFrequencies(int headDim) {
        double[] inverse = new double[headDim / 2];
        for (int i = 0; i < inverse.length; i++) {
            double base = 1.0 / Math.pow(theta, (2.0 * i) / headDim);
            inverse[i] = llama3Scaling ? scaled(base) : base;
        }
        return inverse;
    }

    private double scaled(double frequency) {
        double wavelength = 2 * Math.PI / frequency;
        double lowFreqWavelength = originalMaxPositions / lowFreqFactor;
        double highFreqWavelength = originalMaxPositions / highFreqFactor;
        if (wavelength < highFreqWavelength) {
            return frequency;
        }
        if (wavelength > lowFreqWavelength) {
            return frequency / factor;
        }
        double smooth = (originalMaxPositions / wavelength - lowFreqFactor) / (highFreqFactor - lowFreqFactor);
        return (1 - smooth) * frequency / factor + smooth * frequency;
    }
}
