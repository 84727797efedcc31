package dev.mexa.core.runtime.model;

import dev.mexa.core.runtime.checkpoint.ConfigReader;
import dev.mexa.core.runtime.checkpoint.EmbeddingTable;
import dev.mexa.core.runtime.checkpoint.ModelConfig;
import dev.mexa.core.runtime.checkpoint.WeightReader;
import dev.mexa.core.runtime.rope.RopeConfig;
import dev.mexa.core.runtime.rope.RotaryEmbedding;

/**
 * What the rotary, grouped-query SwiGLU families read alike from {@code config.json} (OLMo, OLMo 2, Phi-3): the
 * common figures, the attention geometry, the MLP width and the rotary embedding; {@code hidden_act} must be silu.
 *
 * @param config the common figures
 * @param shape hidden size, heads, key/value heads, head size
 * @param intermediate MLP width
 * @param rope the rotary embedding
 */
record RotaryDecoderSettings(ModelConfig config, AttentionShape shape, int intermediate, RotaryEmbedding rope) {

    /**
     * @param modelType the {@code model_type}
     * @param config the checkpoint's {@code config.json}
     * @param defaultPositions the family's {@code max_position_embeddings} when absent
     * @return the settings
     * @throws dev.mexa.core.MexaException naming config.json and the key at fault
     */
    static RotaryDecoderSettings read(String modelType, ConfigReader config, int defaultPositions) {
        AttentionShape shape = AttentionShape.read(config);
        Activation.read(config, "hidden_act", "silu", Activation.SILU);
        ModelConfig common = new ModelConfig(config.file(), modelType, config.count("vocab_size"), shape.hidden(),
                config.count("num_hidden_layers"), Integer.MAX_VALUE);
        return new RotaryDecoderSettings(common, shape, config.count("intermediate_size"), RopeConfig.read(config,
                shape.headDim(), config.count("max_position_embeddings", defaultPositions)));
    }

    /**
     * @param weights the checkpoint, prefix chosen
     * @return {@code embed_tokens.weight} {@code [vocab, hidden]}
     */
    EmbeddingTable readEmbedding(WeightReader weights) {
        return weights.readEmbedding("embed_tokens.weight", config.vocabSize(), config.hidden());
    }

    /**
     * @param weights the checkpoint, prefix chosen
     * @param prefix the MLP's module name, e.g. {@code layers.0.mlp.}
     * @return the SwiGLU MLP of {@code gate_proj}, {@code up_proj} and {@code down_proj}, without biases
     */
    Mlp readSwiGlu(WeightReader weights, String prefix) {
        long hidden = config.hidden();
        return Mlp.gated(Linear.read(weights, prefix + "gate_proj", intermediate, hidden, false),
                Linear.read(weights, prefix + "up_proj", intermediate, hidden, false),
                Linear.read(weights, prefix + "down_proj", hidden, intermediate, false), Activation.SILU);
    }
}
