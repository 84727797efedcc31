package dev.mexa.core.runtime;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.Device;
import ai.djl.ndarray.types.DataType;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.mexa.core.MexaException;
import dev.mexa.core.runtime.model.DecoderCheckpoint;
import dev.mexa.core.safetensors.DType;
import dev.mexa.core.safetensors.SafetensorsWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * config.json is read strictly and checked before any weight is loaded: no coercion of strings or fractions,
 * finite positive numbers, known rotary types, and weights that match the configuration exactly.
 */
class ConfigCheckTest {

    @TempDir
    Path temp;

    static Stream<Arguments> badValues() {
        return Stream.of(
                Arguments.of("num_hidden_layers", "\"3\"", "'num_hidden_layers' is \"3\"; expected a positive integer"),
                Arguments.of("num_hidden_layers", "2.5", "'num_hidden_layers' is 2.5; expected a positive integer"),
                Arguments.of("num_hidden_layers", "0", "'num_hidden_layers' is 0; expected a positive integer"),
                Arguments.of("hidden_size", "\"yes\"", "'hidden_size' is \"yes\"; expected a positive integer"),
                Arguments.of("num_attention_heads", "1e12", "'num_attention_heads' is 1e12; expected a positive integer"),
                Arguments.of("attention_bias", "\"yes\"", "'attention_bias' is \"yes\"; expected true or false"),
                Arguments.of("attention_bias", "1", "'attention_bias' is 1; expected true or false"),
                Arguments.of("model_type", "7", "'model_type' is 7; expected a string"),
                Arguments.of("rms_norm_eps", "0", "'rms_norm_eps' is 0; expected a positive number"),
                Arguments.of("rms_norm_eps", "-1e-6", "'rms_norm_eps' is -1e-6; expected a positive number"),
                Arguments.of("rope_theta", "0", "'rope_theta' is 0; expected a positive number"),
                // the lenient reader turns bare NaN and Infinity into strings; a strict one rejects them as syntax
                Arguments.of("rope_theta", "NaN", "NaN"),
                Arguments.of("rope_theta", "Infinity", "Infinity"),
                Arguments.of("rope_theta", "\"10000\"", "'rope_theta' is \"10000\"; expected a positive number"),
                Arguments.of("rope_scaling", "{\"rope_type\": \"linear\", \"factor\": 0}",
                        "'rope_scaling.factor' is 0; expected a positive number"),
                Arguments.of("rope_scaling", "{\"type\": \"linear\"}", "lacks 'rope_scaling.factor'"),
                Arguments.of("rope_scaling", "{\"rope_type\": \"ntk-by-parts\", \"factor\": 2}",
                        "'rope_scaling.rope_type' is 'ntk-by-parts', a rotary scaling this runtime does not implement"
                                + " (it implements default, linear, dynamic, yarn, llama3, longrope)"),
                Arguments.of("rope_scaling", "{\"rope_type\": \"llama3\", \"factor\": 8, \"low_freq_factor\": 4,"
                        + " \"high_freq_factor\": 1, \"original_max_position_embeddings\": 64}",
                        "'rope_scaling.high_freq_factor' is 1.0, not above low_freq_factor 4.0"),
                Arguments.of("rope_scaling", "{\"rope_type\": \"longrope\", \"short_factor\": [1, 1],"
                        + " \"long_factor\": [1, 1, 1, 1]}", "'rope_scaling.short_factor' is [1,1]; expected a list"
                                + " of 4 positive numbers"),
                Arguments.of("num_key_value_heads", "3", "'num_key_value_heads' is 3, which does not divide"
                        + " num_attention_heads 4"),
                Arguments.of("hidden_act", "\"relu\"", "'hidden_act' is 'relu'; this family implements silu, swish"));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("badValues")
    void badValuesAreRejectedBeforeLoadingNamingConfigAndKey(String key, String json, String message)
            throws IOException {
        TinyCheckpoint checkpoint = TinyCheckpoint.write(temp.resolve("model"), TinyModel.llama());
        Path config = edit(checkpoint.directory, key, json);
        assertThatThrownBy(() -> DecoderCheckpoint.read(checkpoint.directory)).isInstanceOf(MexaException.class)
                .hasMessageContaining(config.toString()).hasMessageContaining(message);
    }

    @Test
    void fewerLayersThanTheWeightsHoldIsAnError() throws IOException {
        TinyCheckpoint checkpoint = TinyCheckpoint.write(temp.resolve("model"), TinyModel.llama());
        edit(checkpoint.directory, "num_hidden_layers", "2");
        assertThatThrownBy(() -> load(checkpoint.directory)).isInstanceOf(MexaException.class)
                .hasMessageContaining("holds 9 weights that config.json does not describe"
                        + " (model.layers.2.input_layernorm.weight, ")
                .hasMessageContaining("check num_hidden_layers");
    }

    @Test
    void anUnusedTensorIsAnErrorButTheOutputHeadIsNeverRead() {
        TinyCheckpoint checkpoint = TinyCheckpoint.write(temp.resolve("model"), TinyModel.llama());
        // untied: lm_head.weight is stored, and is neither loaded nor an unused-tensor error
        load(checkpoint.directory);
        SafetensorsWriter writer = new SafetensorsWriter();
        checkpoint.weights.forEach((name, values) -> writer.add(name, checkpoint.model.dtype(),
                checkpoint.shapes.get(name), values));
        writer.add("model.layers.0.self_attn.q_proj.bias", checkpoint.model.dtype(), new long[] {32},
                new float[32]);
        writer.write(checkpoint.directory.resolve("model.safetensors"));
        assertThatThrownBy(() -> load(checkpoint.directory)).isInstanceOf(MexaException.class)
                .hasMessageContaining("holds 1 weight that config.json does not describe"
                        + " (model.layers.0.self_attn.q_proj.bias)");
    }

    @Test
    void qwen3WithoutHeadDimTakesQwen3sDefaultOf128EvenWhenHeadsDoNotDivideTheWidth() throws IOException {
        // hidden 30 over 4 heads: no hidden / heads fallback exists, so only Qwen3Config's default fits the weights
        TinyModel qwen3 = new TinyModel("qwen3", 30, 30, 1, 4, 2, 128, 48, 1e6, null, true, DType.F32, false, 0, 10);
        TinyCheckpoint checkpoint = TinyCheckpoint.write(temp.resolve("model"), qwen3);
        Path config = checkpoint.directory.resolve("config.json");
        JsonObject root = JsonParser.parseString(Files.readString(config)).getAsJsonObject();
        root.remove("head_dim");
        Files.writeString(config, root.toString());
        load(checkpoint.directory);
    }

    private static void load(Path directory) {
        DecoderCheckpoint.read(directory).load(Device.cpu(), DataType.FLOAT32).close();
    }

    /**
     * @param directory a checkpoint
     * @param key a top-level key of its config.json
     * @param json the value to give it, as JSON text (NaN and Infinity written bare)
     * @return the config file
     */
    static Path edit(Path directory, String key, String json) throws IOException {
        Path config = directory.resolve("config.json");
        JsonObject root = JsonParser.parseString(Files.readString(config)).getAsJsonObject();
        root.remove(key);
        String text = root.toString();
        Files.writeString(config, "{\"" + key + "\": " + json + ", " + text.substring(1));
        return config;
    }
}
