package dev.mexa.core.runtime.rope;

/**
 * Rotary position embedding: the inverse frequency of each pair of rotated head dimensions and the factor cos and
 * sin are multiplied by, as HuggingFace's {@code modeling_rope_utils} computes them for each
 * {@code rope_scaling.rope_type}. A closed set; {@link RopeConfig#read} picks one from {@code config.json}.
 */
public sealed interface RotaryEmbedding permits RotaryEmbedding.Plain, RotaryEmbedding.Linear,
        RotaryEmbedding.Dynamic, RotaryEmbedding.Yarn, RotaryEmbedding.Llama3, RotaryEmbedding.LongRope {

    /** @return the rotated dimensions of each head (even; the rest of a head passes unrotated) */
    int dim();

    /**
     * @param length the sentence's token count (only dynamic and longrope depend on it)
     * @return {@code dim / 2} inverse frequencies
     */
    double[] inverseFrequencies(int length);

    /** @return the factor on cos and sin (1 but for yarn and longrope) */
    default double attentionFactor() {
        return 1;
    }

    /** @return whether {@link #inverseFrequencies} depends on the sentence length */
    default boolean dependsOnLength() {
        return false;
    }

    /**
     * HF's default: {@code 1 / theta^(2i / dim)}.
     *
     * @param theta the base
     * @param dim rotated dimensions
     * @return {@code dim / 2} inverse frequencies
     */
    static double[] geometric(double theta, int dim) {
        double[] inverse = new double[dim / 2];
        for (int i = 0; i < inverse.length; i++) {
            inverse[i] = 1.0 / Math.pow(theta, (2.0 * i) / dim);
        }
        return inverse;
    }

    /**
     * Unscaled rotary embedding ({@code rope_type} {@code default}).
     *
     * @param theta the base ({@code rope_theta})
     * @param dim rotated dimensions
     */
    record Plain(double theta, int dim) implements RotaryEmbedding {
        @Override
        public double[] inverseFrequencies(int length) {
            return geometric(theta, dim);
        }
    }

    /**
     * Position interpolation ({@code linear}): every frequency divided by {@code factor}.
     *
     * @param theta the base
     * @param dim rotated dimensions
     * @param factor the stretch of the context
     */
    record Linear(double theta, int dim, double factor) implements RotaryEmbedding {
        @Override
        public double[] inverseFrequencies(int length) {
            double[] inverse = geometric(theta, dim);
            for (int i = 0; i < inverse.length; i++) {
                inverse[i] /= factor;
            }
            return inverse;
        }
    }

    /**
     * Dynamic NTK scaling ({@code dynamic}): a sentence longer than {@code maxPositions} gets the base
     * {@code theta (factor T / maxPositions - (factor - 1))^(dim / (dim - 2))}; shorter ones the plain base. Each
     * sentence gets the frequencies of its own length (HF's rotary module, reset per sentence).
     *
     * @param theta the base
     * @param dim rotated dimensions
     * @param factor the scaling factor
     * @param maxPositions {@code max_position_embeddings}
     */
    record Dynamic(double theta, int dim, double factor, int maxPositions) implements RotaryEmbedding {
        @Override
        public double[] inverseFrequencies(int length) {
            if (length <= maxPositions) {
                return geometric(theta, dim);
            }
            double base = theta * Math.pow(factor * length / maxPositions - (factor - 1), dim / (dim - 2.0));
            return geometric(base, dim);
        }

        @Override
        public boolean dependsOnLength() {
            return true;
        }
    }

    /**
     * YaRN ({@code yarn}): frequencies blended between extrapolation and interpolation by {@code factor} over a
     * linear ramp between the correction dimensions of {@code betaFast} and {@code betaSlow} rotations.
     *
     * @param theta the base
     * @param dim rotated dimensions
     * @param factor the interpolation factor
     * @param originalMaxPositions the context the correction range is computed for
     * @param betaFast rotations at the high-frequency end of the ramp
     * @param betaSlow rotations at the low-frequency end
     * @param attentionFactor the factor on cos and sin
     * @param truncate whether the correction range is rounded outward to whole dimensions
     */
    record Yarn(double theta, int dim, double factor, int originalMaxPositions, double betaFast, double betaSlow,
            double attentionFactor, boolean truncate) implements RotaryEmbedding {
        @Override
        public double[] inverseFrequencies(int length) {
            double low = correctionDim(betaFast);
            double high = correctionDim(betaSlow);
            if (truncate) {
                low = Math.floor(low);
                high = Math.ceil(high);
            }
            low = Math.max(low, 0);
            high = Math.min(high, dim - 1);
            if (low == high) {
                high += 0.001;
            }
            double[] extrapolation = geometric(theta, dim);
            double[] inverse = new double[extrapolation.length];
            for (int i = 0; i < inverse.length; i++) {
                double ramp = Math.min(1, Math.max(0, (i - low) / (high - low)));
                double extrapolationWeight = 1 - ramp;
                inverse[i] = extrapolation[i] / factor * (1 - extrapolationWeight)
                        + extrapolation[i] * extrapolationWeight;
            }
            return inverse;
        }

        private double correctionDim(double rotations) {
            return dim * Math.log(originalMaxPositions / (rotations * 2 * Math.PI)) / (2 * Math.log(theta));
        }

        /**
         * YaRN's default attention factor {@code 0.1 mscale ln(factor) + 1} (1 for factors up to 1).
         *
         * @param factor the interpolation factor
         * @param mscale the multiplier of the logarithm
         * @return the factor
         */
        static double mscale(double factor, double mscale) {
            return factor <= 1 ? 1 : 0.1 * mscale * Math.log(factor) + 1;
        }
    }

    /**
     * Llama 3.1's scaling ({@code llama3}): wavelengths above {@code originalMaxPositions / lowFreqFactor} are
     * divided by {@code factor}, those below {@code originalMaxPositions / highFreqFactor} kept, those between
     * interpolated smoothly.
     *
     * @param theta the base
     * @param dim rotated dimensions
     * @param factor the stretch of the context
     * @param lowFreqFactor sets the long-wavelength bound
     * @param highFreqFactor sets the short-wavelength bound (greater than {@code lowFreqFactor})
     * @param originalMaxPositions the context before scaling
     */
    record Llama3(double theta, int dim, double factor, double lowFreqFactor, double highFreqFactor,
            int originalMaxPositions) implements RotaryEmbedding {
        @Override
        public double[] inverseFrequencies(int length) {
            double[] inverse = geometric(theta, dim);
            double lowFreqWavelength = originalMaxPositions / lowFreqFactor;
            double highFreqWavelength = originalMaxPositions / highFreqFactor;
            for (int i = 0; i < inverse.length; i++) {
                double wavelength = 2 * Math.PI / inverse[i];
                if (wavelength > lowFreqWavelength) {
                    inverse[i] /= factor;
                } else if (wavelength >= highFreqWavelength) {
                    double smooth = (originalMaxPositions / wavelength - lowFreqFactor)
                            / (highFreqFactor - lowFreqFactor);
                    inverse[i] = (1 - smooth) * inverse[i] / factor + smooth * inverse[i];
                }
            }
            return inverse;
        }
    }

    /**
     * LongRoPE ({@code longrope}, Phi-3): per-dimension rescaling of the wavelengths, by {@code shortFactor} for a
     * sentence of at most {@code originalMaxPositions} tokens and by {@code longFactor} beyond.
     *
     * @param theta the base
     * @param dim rotated dimensions
     * @param shortFactor {@code dim / 2} factors for short sentences
     * @param longFactor {@code dim / 2} factors for long sentences
     * @param originalMaxPositions the length above which {@code longFactor} applies
     * @param attentionFactor the factor on cos and sin, short and long alike
     */
    record LongRope(double theta, int dim, double[] shortFactor, double[] longFactor, int originalMaxPositions,
            double attentionFactor) implements RotaryEmbedding {
        @Override
        public double[] inverseFrequencies(int length) {
            double[] factors = length > originalMaxPositions ? longFactor : shortFactor;
            double[] inverse = geometric(theta, dim);
            for (int i = 0; i < inverse.length; i++) {
                inverse[i] /= factors[i];
            }
            return inverse;
        }

        @Override
        public boolean dependsOnLength() {
            return true;
        }
    }
}
