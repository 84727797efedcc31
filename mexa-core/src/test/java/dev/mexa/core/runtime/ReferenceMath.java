package dev.mexa.core.runtime;

/**
 * The float64 building blocks of the plain-loop reference decoders ({@link ReferenceDecoder},
 * {@link GemmaReference}), for one unpadded sentence {@code [T][width]} at a time, every sum spelled out.
 */
final class ReferenceMath {

    private ReferenceMath() {
    }

    /**
     * @param x {@code [T][in]}
     * @param weight {@code [out, in]} row-major (torch.nn.Linear)
     * @param bias {@code [out]} or {@code null}
     * @param outputs {@code out}
     * @return {@code x W^T + b}
     */
    static double[][] linear(double[][] x, float[] weight, float[] bias, int outputs) {
        int inputs = x[0].length;
        double[][] y = new double[x.length][outputs];
        for (int t = 0; t < x.length; t++) {
            for (int o = 0; o < outputs; o++) {
                double sum = bias == null ? 0 : bias[o];
                for (int i = 0; i < inputs; i++) {
                    sum += weight[o * inputs + i] * x[t][i];
                }
                y[t][o] = sum;
            }
        }
        return y;
    }

    /**
     * Rotates the first {@code 2 inverse.length} dimensions of every head of x in place by its position; HF's
     * rotate_half pairs dimension i with i + inverse.length (with {@code d / 2} frequencies, the whole head).
     *
     * @param x {@code [T][heads * d]}
     * @param heads the number of heads
     * @param d the head size
     * @param inverse the inverse frequencies, {@code d / 2} of them or fewer for a partial rotation
     * @param factor the factor on cos and sin (HF's attention factor, 1 for most rotary types)
     */
    static void rotate(double[][] x, int heads, int d, double[] inverse, double factor) {
        int half = inverse.length;
        for (int t = 0; t < x.length; t++) {
            for (int head = 0; head < heads; head++) {
                for (int i = 0; i < half; i++) {
                    double angle = t * inverse[i];
                    double cos = Math.cos(angle) * factor;
                    double sin = Math.sin(angle) * factor;
                    double a = x[t][head * d + i];
                    double b = x[t][head * d + i + half];
                    x[t][head * d + i] = a * cos - b * sin;
                    x[t][head * d + i + half] = b * cos + a * sin;
                }
            }
        }
    }

    /**
     * @param x {@code [T][n]}
     * @param weight the scale, {@code [n]}
     * @param eps the epsilon under the root
     * @return each row times {@code weight / sqrt(mean(row^2) + eps)} (an RMSNorm)
     */
    static double[][] rmsNorm(double[][] x, float[] weight, double eps) {
        double[][] out = new double[x.length][x[0].length];
        for (int t = 0; t < x.length; t++) {
            double sumSquares = 0;
            for (double value : x[t]) {
                sumSquares += value * value;
            }
            double inverse = 1 / Math.sqrt(sumSquares / x[t].length + eps);
            for (int j = 0; j < x[t].length; j++) {
                out[t][j] = weight[j] * x[t][j] * inverse;
            }
        }
        return out;
    }

    /**
     * @param x {@code [T][n]}
     * @param weight the scale, {@code [n]}, or {@code null} for none
     * @param bias the shift, {@code [n]}, or {@code null} for none
     * @param eps the epsilon under the root
     * @return each row normalized to mean 0 and variance 1, then scaled and shifted ({@code F.layer_norm})
     */
    static double[][] layerNorm(double[][] x, float[] weight, float[] bias, double eps) {
        double[][] out = new double[x.length][x[0].length];
        for (int t = 0; t < x.length; t++) {
            double mean = 0;
            for (double value : x[t]) {
                mean += value / x[t].length;
            }
            double variance = 0;
            for (double value : x[t]) {
                variance += (value - mean) * (value - mean) / x[t].length;
            }
            for (int j = 0; j < x[t].length; j++) {
                double normed = (x[t][j] - mean) / Math.sqrt(variance + eps);
                out[t][j] = (weight == null ? normed : normed * weight[j]) + (bias == null ? 0 : bias[j]);
            }
        }
        return out;
    }

    /**
     * Causal attention with grouped key/value heads: score {@code q.k * scaling}, soft-capped to
     * {@code cap * tanh(score / cap)} when {@code cap > 0}, then masked to {@code t - window < s <= t}.
     *
     * @param q {@code [T][heads * d]}
     * @param k {@code [T][kvHeads * d]}
     * @param v {@code [T][kvHeads * d]}
     * @param heads query heads
     * @param kvHeads key/value heads; query head h reads key head {@code h / (heads / kvHeads)}
     * @param d head size
     * @param scaling factor on {@code q.k}
     * @param cap soft-capping bound, 0 for none
     * @param window attention window, 0 for none
     * @return {@code [T][heads * d]}
     */
    static double[][] attention(double[][] q, double[][] k, double[][] v, int heads, int kvHeads, int d,
            double scaling, double cap, int window) {
        int length = q.length;
        double[][] out = new double[length][heads * d];
        for (int head = 0; head < heads; head++) {
            int kvHead = head / (heads / kvHeads);
            for (int t = 0; t < length; t++) {
                double[] weights = new double[t + 1];
                double max = Double.NEGATIVE_INFINITY;
                for (int s = 0; s <= t; s++) {
                    double dot = 0;
                    for (int i = 0; i < d; i++) {
                        dot += q[t][head * d + i] * k[s][kvHead * d + i];
                    }
                    double score = cap > 0 ? cap * Math.tanh(dot * scaling / cap) : dot * scaling;
                    weights[s] = window > 0 && t - s >= window ? Double.NEGATIVE_INFINITY : score;
                    max = Math.max(max, weights[s]);
                }
                double total = 0;
                for (int s = 0; s <= t; s++) {
                    weights[s] = Math.exp(weights[s] - max);
                    total += weights[s];
                }
                for (int s = 0; s <= t; s++) {
                    for (int i = 0; i < d; i++) {
                        out[t][head * d + i] += weights[s] / total * v[s][kvHead * d + i];
                    }
                }
            }
        }
        return out;
    }

    /** @param a a value @return {@code 0.5 a (1 + tanh(sqrt(2 / pi) (a + 0.044715 a^3)))} */
    static double geluTanh(double a) {
        return 0.5 * a * (1 + Math.tanh(Math.sqrt(2 / Math.PI) * (a + 0.044715 * a * a * a)));
    }

    /** Adds {@code delta} to {@code x} in place. */
    static void add(double[][] x, double[][] delta) {
        for (int t = 0; t < x.length; t++) {
            for (int j = 0; j < x[t].length; j++) {
                x[t][j] += delta[t][j];
            }
        }
    }

    /** @param x a matrix @return a deep copy */
    static double[][] copy(double[][] x) {
        double[][] out = new double[x.length][];
        for (int t = 0; t < x.length; t++) {
            out[t] = x[t].clone();
        }
        return out;
    }
}
