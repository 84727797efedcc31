package dev.mexa.core.runtime.checkpoint;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import dev.mexa.core.MexaException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * The shape of a decoder as read from {@code config.json}, normalised across architectures (GPT-2's
 * {@code n_embd}, {@code n_layer}, {@code n_head} map onto the Llama names).
 *
 * @param file the {@code config.json} it was read from
 * @param architecture the decoder family
 * @param vocabSize rows of the token embedding
 * @param hidden the model width
 * @param layers the number of decoder layers
 * @param heads query heads
 * @param kvHeads key/value heads (grouped-query attention when fewer than {@code heads})
 * @param headDim size of one head
 * @param intermediate width of the MLP
 * @param normEps epsilon of the RMSNorm or LayerNorm
 * @param rope rotary settings, {@code null} for learned positions (GPT-2)
 * @param maxPositions positions the model supports (a hard limit for learned positions)
 * @param slidingWindow attention window in tokens, 0 for none
 * @param tiedEmbeddings whether the output head reuses the token embedding
 * @param qkvBias whether the query, key and value projections have biases
 * @param outputBias whether the attention output projection has a bias
 * @param mlpBias whether the MLP projections have biases
 */
public record ModelConfig(Path file, Architecture architecture, int vocabSize, int hidden, int layers, int heads,
        int kvHeads, int headDim, int intermediate, double normEps, RopeSettings rope, int maxPositions,
        int slidingWindow, boolean tiedEmbeddings, boolean qkvBias, boolean outputBias, boolean mlpBias) {

    /** The file name of a checkpoint's configuration. */
    public static final String FILE_NAME = "config.json";

    /**
     * @param checkpoint a checkpoint directory
     * @return its configuration
     * @throws MexaException naming {@code config.json} and the key at fault
     */
    public static ModelConfig read(Path checkpoint) {
        Path file = checkpoint.resolve(FILE_NAME);
        ConfigValues values = new ConfigValues(file, parse(file));
        try {
            Architecture architecture = Architecture.fromModelType(values.string("model_type"), file);
            return architecture == Architecture.GPT2 ? gpt2(file, values) : llamaFamily(file, architecture, values);
        } catch (MexaException e) {
            throw e;
        } catch (RuntimeException e) {
            // Gson's answer to a value of the wrong JSON type (an object where a string or flag belongs, say)
            throw new MexaException("Model config " + file + " has a value of the wrong type (" + e.getMessage()
                    + "): re-download the checkpoint's config.json.", e);
        }
    }

    private static JsonObject parse(Path file) {
        try {
            JsonElement root = JsonParser.parseString(Files.readString(file, StandardCharsets.UTF_8));
            if (!root.isJsonObject()) {
                throw new MexaException("Model config " + file + " is not a JSON object: re-download the checkpoint.");
            }
            return root.getAsJsonObject();
        } catch (NoSuchFileException e) {
            throw new MexaException("Model directory " + file.getParent() + " has no " + FILE_NAME + ": point"
                    + " model (mexa.model) at a HuggingFace checkpoint directory (config.json, *.safetensors,"
                    + " tokenizer.json).",
                    e);
        } catch (IOException | JsonParseException e) {
            throw new MexaException("Cannot read model config " + file + ": " + e.getMessage()
                    + ". Re-download the checkpoint.", e);
        }
    }

    private static ModelConfig llamaFamily(Path file, Architecture architecture, ConfigValues values) {
        int hidden = values.positive("hidden_size");
        int heads = values.positive("num_attention_heads");
        int kvHeads = values.positive("num_key_value_heads", heads);
        int headDim = values.positive("head_dim", hidden / heads);
        if (heads % kvHeads != 0 || headDim % 2 != 0) {
            throw new MexaException("Model config " + file + ": num_attention_heads (" + heads + ") must be a multiple"
                    + " of num_key_value_heads (" + kvHeads + ") and head_dim (" + headDim + ") even.");
        }
        values.requireValue("hidden_act", "silu");
        boolean attentionBias = values.flag("attention_bias", false);
        boolean qkvBias = architecture == Architecture.QWEN2 || attentionBias;
        int window = architecture == Architecture.MISTRAL ? values.positive("sliding_window", 0) : 0;
        return new ModelConfig(file, architecture, values.positive("vocab_size"), hidden,
                values.positive("num_hidden_layers"), heads, kvHeads, headDim, values.positive("intermediate_size"),
                values.number("rms_norm_eps", 1e-6), values.rope(), values.positive("max_position_embeddings", 4096),
                window, values.flag("tie_word_embeddings", false), qkvBias, attentionBias,
                values.flag("mlp_bias", false));
    }

    private static ModelConfig gpt2(Path file, ConfigValues values) {
        int hidden = values.positive("n_embd");
        int heads = values.positive("n_head");
        if (hidden % heads != 0) {
            throw new MexaException("Model config " + file + ": n_embd (" + hidden + ") is not a multiple of n_head ("
                    + heads + ").");
        }
        values.requireValue("activation_function", "gelu_new");
        if (!values.flag("scale_attn_weights", true) || values.flag("scale_attn_by_inverse_layer_idx", false)) {
            throw new MexaException("Model config " + file + ": only scale_attn_weights=true and"
                    + " scale_attn_by_inverse_layer_idx=false are supported for gpt2.");
        }
        return new ModelConfig(file, Architecture.GPT2, values.positive("vocab_size"), hidden,
                values.positive("n_layer"), heads, heads, hidden / heads, values.positive("n_inner", 4 * hidden),
                values.number("layer_norm_epsilon", 1e-5), null, values.positive("n_positions", 1024), 0,
                values.flag("tie_word_embeddings", true), true, true, true);
    }
}
