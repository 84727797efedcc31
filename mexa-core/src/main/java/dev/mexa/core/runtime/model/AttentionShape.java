package dev.mexa.core.runtime.model;

import dev.mexa.core.runtime.checkpoint.ConfigReader;

/**
 * The attention geometry of a Llama-like {@code config.json}: {@code hidden_size}, {@code num_attention_heads},
 * {@code num_key_value_heads} (default: as many as query heads) and {@code head_dim} (default: the family's, else
 * hidden / heads).
 *
 * @param hidden the model width
 * @param heads query heads
 * @param kvHeads key/value heads, dividing {@code heads}
 * @param headDim the size of one head
 */
record AttentionShape(int hidden, int heads, int kvHeads, int headDim) {

    /**
     * @param config the checkpoint's {@code config.json}
     * @return its attention geometry, {@code head_dim} defaulting to hidden / heads
     * @throws dev.mexa.core.MexaException naming config.json and the key at fault
     */
    static AttentionShape read(ConfigReader config) {
        int hidden = config.count("hidden_size");
        int heads = config.count("num_attention_heads");
        int kvHeads = Attention.kvHeads(config, heads);
        if (!config.has("head_dim") && hidden % heads != 0) {
            throw config.invalid("hidden_size", "is " + hidden + ", not a multiple of num_attention_heads " + heads
                    + " (and head_dim is not given)");
        }
        return new AttentionShape(hidden, heads, kvHeads, config.count("head_dim", hidden / heads));
    }

    /**
     * @param config the checkpoint's {@code config.json}
     * @param defaultHeadDim the family's {@code head_dim} when the key is absent (Gemma 256, Qwen3 128)
     * @return its attention geometry
     * @throws dev.mexa.core.MexaException naming config.json and the key at fault
     */
    static AttentionShape read(ConfigReader config, int defaultHeadDim) {
        int hidden = config.count("hidden_size");
        int heads = config.count("num_attention_heads");
        return new AttentionShape(hidden, heads, Attention.kvHeads(config, heads),
                config.count("head_dim", defaultHeadDim));
    }

    /** @return attention over these heads, scaled by {@code 1 / sqrt(head_dim)} */
    Attention standardAttention() {
        return Attention.standard(heads, kvHeads, headDim);
    }

    /** @return the width of the query projection */
    long queryWidth() {
        return (long) heads * headDim;
    }

    /** @return the width of the key and of the value projection */
    long keyWidth() {
        return (long) kvHeads * headDim;
    }
}
