package dev.mexa.core.runtime.rope;

import dev.mexa.core.runtime.checkpoint.ConfigReader;

/**
 * Reads a family's rotary embedding from {@code config.json}: {@code rope_theta}, {@code partial_rotary_factor} and
 * {@code rope_scaling}, whose {@code rope_type} (or {@code type} in older configs) selects one of
 * {@value #SUPPORTED}. Every number is checked before any weight is loaded.
 */
public final class RopeConfig {

    /** The {@code rope_type} values implemented. */
    public static final String SUPPORTED = "default, linear, dynamic, yarn, llama3, longrope";

    private RopeConfig() {
    }

    /**
     * @param config the checkpoint's {@code config.json}
     * @param headDim the attention head size
     * @param maxPositions the family's {@code max_position_embeddings} (its default when absent)
     * @return the rotary embedding it describes
     * @throws dev.mexa.core.MexaException naming config.json and the key at fault
     */
    public static RotaryEmbedding read(ConfigReader config, int headDim, int maxPositions) {
        double theta = config.positive("rope_theta", 10000.0);
        double partial = config.positive("partial_rotary_factor", 1.0);
        int dim = (int) (headDim * partial);
        if (partial > 1 || dim < 2 || dim % 2 != 0) {
            throw config.invalid("partial_rotary_factor", "is " + partial + ", which rotates " + dim + " of "
                    + headDim + " head dimensions; expected a factor up to 1 that rotates an even, non-zero number");
        }
        ConfigReader scaling = config.object("rope_scaling").orElse(null);
        if (scaling == null) {
            return new RotaryEmbedding.Plain(theta, dim);
        }
        String typeKey = scaling.has("rope_type") ? "rope_type" : "type";
        String type = scaling.string(typeKey);
        return switch (type) {
            case "default" -> new RotaryEmbedding.Plain(theta, dim);
            case "linear" -> new RotaryEmbedding.Linear(theta, dim, scaling.positive("factor"));
            case "dynamic" -> new RotaryEmbedding.Dynamic(theta, dim, scaling.positive("factor"), maxPositions);
            case "yarn" -> yarn(scaling, theta, dim, maxPositions);
            case "llama3" -> llama3(scaling, theta, dim);
            case "longrope" -> longRope(config, scaling, theta, dim, maxPositions);
            default -> throw scaling.invalid(typeKey, "is '" + type + "', a rotary scaling this runtime does not"
                    + " implement (it implements " + SUPPORTED + ")");
        };
    }

    private static RotaryEmbedding yarn(ConfigReader scaling, double theta, int dim, int maxPositions) {
        double factor = scaling.positive("factor");
        int original = maxPositions;
        if (scaling.has("original_max_position_embeddings")) {
            // as HF: the pretrained context sets the correction range and the factor becomes the ratio
            original = scaling.count("original_max_position_embeddings");
            factor = (double) maxPositions / original;
        }
        double attention;
        if (scaling.has("attention_factor")) {
            attention = scaling.positive("attention_factor");
        } else if (scaling.has("mscale") && scaling.has("mscale_all_dim")) {
            attention = RotaryEmbedding.Yarn.mscale(factor, scaling.positive("mscale"))
                    / RotaryEmbedding.Yarn.mscale(factor, scaling.positive("mscale_all_dim"));
        } else {
            attention = RotaryEmbedding.Yarn.mscale(factor, 1);
        }
        return new RotaryEmbedding.Yarn(theta, dim, factor, original, scaling.positive("beta_fast", 32),
                scaling.positive("beta_slow", 1), attention, scaling.flag("truncate", true));
    }

    private static RotaryEmbedding llama3(ConfigReader scaling, double theta, int dim) {
        double low = scaling.positive("low_freq_factor");
        double high = scaling.positive("high_freq_factor");
        if (high <= low) {
            throw scaling.invalid("high_freq_factor", "is " + high + ", not above low_freq_factor " + low);
        }
        return new RotaryEmbedding.Llama3(theta, dim, scaling.positive("factor"), low, high,
                scaling.count("original_max_position_embeddings"));
    }

    private static RotaryEmbedding longRope(ConfigReader config, ConfigReader scaling, double theta, int dim,
            int maxPositions) {
        double[] shortFactor = scaling.positiveList("short_factor", dim / 2);
        double[] longFactor = scaling.positiveList("long_factor", dim / 2);
        int original;
        double factor;
        // as HF: Phi-3 keeps the pretrained context at the top level and the factor is the ratio
        if (config.has("original_max_position_embeddings")) {
            original = config.count("original_max_position_embeddings");
            factor = (double) maxPositions / original;
        } else {
            original = maxPositions;
            factor = scaling.positive("factor", 1.0);
        }
        double attention = scaling.has("attention_factor") ? scaling.positive("attention_factor")
                : factor <= 1 ? 1 : Math.sqrt(1 + Math.log(factor) / Math.log(original));
        return new RotaryEmbedding.LongRope(theta, dim, shortFactor, longFactor, original, attention);
    }
}
