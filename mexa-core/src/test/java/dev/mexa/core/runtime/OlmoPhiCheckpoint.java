package dev.mexa.core.runtime;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.mexa.core.example.WordLevelTokenizerJson;
import dev.mexa.core.safetensors.DType;
import dev.mexa.core.safetensors.FloatCodec;
import dev.mexa.core.safetensors.SafetensorsWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Writes a random-weight HuggingFace checkpoint for an {@link OlmoPhiModel} (config.json as transformers writes it,
 * model.safetensors with the parameter names of OlmoForCausalLM, Olmo2ForCausalLM or Phi3ForCausalLM, word-level
 * tokenizer.json) and keeps the weights, rounded to the stored dtype, for the float64 reference.
 */
public final class OlmoPhiCheckpoint {

    /** The checkpoint's directory. */
    public final Path directory;
    /** The model it holds. */
    public final OlmoPhiModel model;
    /** Every weight by its full name, as stored (rounded to the dtype). */
    public final Map<String, float[]> weights = new LinkedHashMap<>();
    private final Map<String, long[]> shapes = new LinkedHashMap<>();

    private OlmoPhiCheckpoint(Path directory, OlmoPhiModel model) {
        this.directory = directory;
        this.model = model;
    }

    /**
     * @param directory where to write (created)
     * @param model the shape
     * @return the written checkpoint
     */
    public static OlmoPhiCheckpoint write(Path directory, OlmoPhiModel model) {
        OlmoPhiCheckpoint checkpoint = new OlmoPhiCheckpoint(directory, model);
        checkpoint.generate(new Random(model.seed()));
        try {
            Files.createDirectories(directory);
            Files.writeString(directory.resolve("config.json"), checkpoint.config());
            Files.writeString(directory.resolve("tokenizer.json"), WordLevelTokenizerJson.build(
                    checkpoint.vocabulary(), "<unk>", model.bos() ? "<s>" : null));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        SafetensorsWriter writer = new SafetensorsWriter();
        checkpoint.weights.forEach((name, values) -> writer.add(name, model.dtype(), checkpoint.shapes.get(name),
                values));
        writer.write(directory.resolve("model.safetensors"));
        return checkpoint;
    }

    private List<String> vocabulary() {
        List<String> vocabulary = new ArrayList<>(List.of("<unk>"));
        if (model.bos()) {
            vocabulary.add("<s>");
        }
        for (int i = 0; i < model.vocab(); i++) {
            vocabulary.add("w" + i);
        }
        return vocabulary;
    }

    /**
     * @param random source of words
     * @param words sentence length in words
     * @return the sentence's token ids as the tokenizer gives them ({@code <s>} first unless olmo)
     */
    public int[] randomIds(Random random, int words) {
        int offset = model.bos() ? 1 : 0;
        int[] ids = new int[words + offset];
        ids[0] = 1;
        for (int i = offset; i < ids.length; i++) {
            ids[i] = offset + 1 + random.nextInt(model.vocab());
        }
        return ids;
    }

    /**
     * @param ids token ids of {@link #randomIds}
     * @return the text that the tokenizer turns into them
     */
    public String text(int[] ids) {
        List<String> vocabulary = vocabulary();
        StringBuilder text = new StringBuilder();
        for (int i = model.bos() ? 1 : 0; i < ids.length; i++) {
            text.append(text.length() == 0 ? "" : " ").append(vocabulary.get(ids[i]));
        }
        return text.toString();
    }

    private void generate(Random random) {
        int h = model.hidden();
        int q = model.heads() * model.headDim();
        int kv = model.kvHeads() * model.headDim();
        int inner = model.intermediate();
        add(random, "model.embed_tokens.weight", 1.0, 0, model.vocabSize(), h);
        for (int i = 0; i < model.layers(); i++) {
            String l = "model.layers." + i + ".";
            if (model.modelType().equals("phi3")) {
                add(random, l + "input_layernorm.weight", 0.2, 1, h);
                add(random, l + "self_attn.qkv_proj.weight", 0.4, 0, q + 2L * kv, h);
            } else {
                add(random, l + "self_attn.q_proj.weight", 0.4, 0, q, h);
                add(random, l + "self_attn.k_proj.weight", 0.4, 0, kv, h);
                add(random, l + "self_attn.v_proj.weight", 0.3, 0, kv, h);
            }
            if (model.attentionBias()) {
                add(random, l + "self_attn.q_proj.bias", 0.2, 0, q);
                add(random, l + "self_attn.k_proj.bias", 0.2, 0, kv);
                add(random, l + "self_attn.v_proj.bias", 0.2, 0, kv);
                add(random, l + "self_attn.o_proj.bias", 0.2, 0, h);
            }
            add(random, l + "self_attn.o_proj.weight", 0.3, 0, h, q);
            if (model.modelType().equals("olmo2")) {
                add(random, l + "self_attn.q_norm.weight", 0.2, 1, q);
                add(random, l + "self_attn.k_norm.weight", 0.2, 1, kv);
                add(random, l + "post_feedforward_layernorm.weight", 0.2, 1, h);
            }
            if (!model.modelType().equals("olmo")) {
                add(random, l + "post_attention_layernorm.weight", 0.2, 1, h);
            }
            if (model.modelType().equals("phi3")) {
                add(random, l + "mlp.gate_up_proj.weight", 0.3, 0, 2L * inner, h);
            } else {
                add(random, l + "mlp.gate_proj.weight", 0.3, 0, inner, h);
                add(random, l + "mlp.up_proj.weight", 0.3, 0, inner, h);
            }
            add(random, l + "mlp.down_proj.weight", 0.3, 0, h, inner);
        }
        if (!model.modelType().equals("olmo")) {
            add(random, "model.norm.weight", 0.2, 1, h);
        }
        add(random, "lm_head.weight", 0.3, 0, model.vocabSize(), h);
    }

    /** Adds {@code mean +- scale} uniform values, rounded to the stored dtype through its own encoding. */
    private void add(Random random, String name, double scale, double mean, long... shape) {
        int count = (int) Arrays.stream(shape).reduce(1, (a, b) -> a * b);
        float[] drawn = new float[count];
        for (int i = 0; i < count; i++) {
            drawn[i] = (float) (mean + scale * (2 * random.nextDouble() - 1));
        }
        float[] stored = new float[count];
        FloatCodec.decodeInto(ByteBuffer.wrap(FloatCodec.encode(drawn, model.dtype())), model.dtype(), stored, 0,
                count);
        weights.put(name, stored);
        shapes.put(name, shape);
    }

    private String config() {
        JsonObject config = new JsonObject();
        config.addProperty("model_type", model.modelType());
        config.addProperty("vocab_size", model.vocabSize());
        config.addProperty("hidden_size", model.hidden());
        config.addProperty("intermediate_size", model.intermediate());
        config.addProperty("num_hidden_layers", model.layers());
        config.addProperty("num_attention_heads", model.heads());
        config.addProperty("num_key_value_heads", model.kvHeads());
        config.addProperty("hidden_act", "silu");
        config.addProperty("rope_theta", model.ropeTheta());
        config.addProperty("tie_word_embeddings", false);
        config.addProperty("torch_dtype", model.dtype() == DType.F32 ? "float32"
                : model.dtype() == DType.F16 ? "float16" : "bfloat16");
        if (!model.modelType().equals("olmo")) {
            config.addProperty("rms_norm_eps", model.rmsNormEps());
            config.addProperty("bos_token_id", 1);
        }
        if (model.modelType().equals("phi3")) {
            phi3(config);
        } else {
            config.addProperty("max_position_embeddings", 256);
            config.addProperty("attention_bias", model.attentionBias());
            config.add("rope_scaling", null);
            if (model.modelType().equals("olmo")) {
                config.addProperty("clip_qkv", model.clipQkv() > 0 ? model.clipQkv() : null);
            }
        }
        return new GsonBuilder().serializeNulls().setPrettyPrinting().create().toJson(config);
    }

    private void phi3(JsonObject config) {
        OlmoPhiModel.Longrope longrope = model.longrope();
        config.addProperty("max_position_embeddings", longrope == null ? 256 : longrope.maxPositions());
        config.addProperty("original_max_position_embeddings",
                longrope == null ? 256 : longrope.originalMaxPositions());
        config.addProperty("partial_rotary_factor", model.partialRotaryFactor());
        config.addProperty("sliding_window", model.slidingWindow() > 0 ? model.slidingWindow() : null);
        if (longrope == null) {
            config.add("rope_scaling", null);
            return;
        }
        JsonObject scaling = new JsonObject();
        scaling.addProperty("type", "longrope");
        scaling.add("short_factor", numbers(longrope.shortFactor()));
        scaling.add("long_factor", numbers(longrope.longFactor()));
        config.add("rope_scaling", scaling);
    }

    private static JsonArray numbers(double[] values) {
        JsonArray array = new JsonArray();
        for (double value : values) {
            array.add(value);
        }
        return array;
    }
}
