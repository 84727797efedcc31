package dev.mexa.core.runtime;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.mexa.core.example.WordLevelTokenizerJson;
import dev.mexa.core.safetensors.DType;
import dev.mexa.core.safetensors.FloatCodec;
import dev.mexa.core.safetensors.SafetensorsWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Writes a random-weight HuggingFace checkpoint for a {@link TinyModel} (config.json, safetensors, word-level
 * tokenizer.json) and keeps the weights, rounded to the stored dtype, for the float64 reference.
 */
public final class TinyCheckpoint {

    /** The checkpoint's directory. */
    public final Path directory;
    /** The model it holds. */
    public final TinyModel model;
    /** Every weight by its full name, as stored (rounded to the dtype), with its shape in {@link #shapes}. */
    public final Map<String, float[]> weights = new LinkedHashMap<>();
    /** Shapes of {@link #weights}. */
    public final Map<String, long[]> shapes = new LinkedHashMap<>();

    private TinyCheckpoint(Path directory, TinyModel model) {
        this.directory = directory;
        this.model = model;
    }

    /**
     * @param directory where to write (created)
     * @param model the shape
     * @return the written checkpoint, single-file weights
     */
    public static TinyCheckpoint write(Path directory, TinyModel model) {
        return write(directory, model, 1);
    }

    /**
     * @param directory where to write (created)
     * @param model the shape
     * @param shards 1 for {@code model.safetensors}, more for {@code model-0000i-of-0000n.safetensors} plus index
     * @return the written checkpoint
     */
    public static TinyCheckpoint write(Path directory, TinyModel model, int shards) {
        TinyCheckpoint checkpoint = new TinyCheckpoint(directory, model);
        checkpoint.generate(new Random(model.seed()));
        try {
            Files.createDirectories(directory);
            Files.writeString(directory.resolve("config.json"), checkpoint.config());
            Files.writeString(directory.resolve("tokenizer.json"), WordLevelTokenizerJson.build(vocabulary(model),
                    "<unk>", model.isGpt2() ? null : "<s>"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        checkpoint.writeWeights(shards);
        return checkpoint;
    }

    /**
     * @param model the shape
     * @return token strings in id order: {@code <unk>}, {@code <s>} (Llama family), then {@code w0, w1, ...}
     */
    public static List<String> vocabulary(TinyModel model) {
        List<String> vocabulary = new ArrayList<>(List.of("<unk>"));
        if (!model.isGpt2()) {
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
     * @return a sentence of vocabulary words
     */
    public String sentence(Random random, int words) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < words; i++) {
            text.append(i == 0 ? "" : " ").append("w").append(random.nextInt(model.vocab()));
        }
        return text.toString();
    }

    /**
     * @param sentence words of the vocabulary separated by spaces
     * @return the ids the tokenizer gives: {@code <s>} first for the Llama family
     */
    public int[] ids(String sentence) {
        List<String> vocabulary = vocabulary(model);
        String[] words = sentence.split(" ");
        int offset = model.isGpt2() ? 0 : 1;
        int[] ids = new int[words.length + offset];
        if (offset == 1) {
            ids[0] = 1;
        }
        for (int i = 0; i < words.length; i++) {
            ids[i + offset] = vocabulary.indexOf(words[i]);
        }
        return ids;
    }

    private void generate(Random random) {
        int h = model.hidden();
        int v = model.vocabSize();
        if (model.isGpt2()) {
            String p = "transformer.";
            add(random, p + "wte.weight", 0.5, 0, v, h);
            add(random, p + "wpe.weight", 0.2, 0, 64, h);
            for (int i = 0; i < model.layers(); i++) {
                String l = p + "h." + i + ".";
                add(random, l + "ln_1.weight", 0.2, 1, h);
                add(random, l + "ln_1.bias", 0.1, 0, h);
                add(random, l + "attn.c_attn.weight", 0.3, 0, h, 3 * h);
                add(random, l + "attn.c_attn.bias", 0.1, 0, 3 * h);
                add(random, l + "attn.c_proj.weight", 0.3, 0, h, h);
                add(random, l + "attn.c_proj.bias", 0.1, 0, h);
                add(random, l + "ln_2.weight", 0.2, 1, h);
                add(random, l + "ln_2.bias", 0.1, 0, h);
                add(random, l + "mlp.c_fc.weight", 0.3, 0, h, model.intermediate());
                add(random, l + "mlp.c_fc.bias", 0.1, 0, model.intermediate());
                add(random, l + "mlp.c_proj.weight", 0.2, 0, model.intermediate(), h);
                add(random, l + "mlp.c_proj.bias", 0.1, 0, h);
            }
            add(random, p + "ln_f.weight", 0.2, 1, h);
            add(random, p + "ln_f.bias", 0.1, 0, h);
            return;
        }
        int q = model.heads() * model.headDim();
        int kv = model.kvHeads() * model.headDim();
        add(random, "model.embed_tokens.weight", 1.0, 0, v, h);
        for (int i = 0; i < model.layers(); i++) {
            String l = "model.layers." + i + ".";
            add(random, l + "input_layernorm.weight", 0.2, 1, h);
            add(random, l + "self_attn.q_proj.weight", 0.4, 0, q, h);
            add(random, l + "self_attn.k_proj.weight", 0.4, 0, kv, h);
            add(random, l + "self_attn.v_proj.weight", 0.3, 0, kv, h);
            add(random, l + "self_attn.o_proj.weight", 0.3, 0, h, q);
            if (model.headNorms()) {
                add(random, l + "self_attn.q_norm.weight", 0.2, 1, model.headDim());
                add(random, l + "self_attn.k_norm.weight", 0.2, 1, model.headDim());
            }
            if (model.qkvBias()) {
                add(random, l + "self_attn.q_proj.bias", 0.2, 0, q);
                add(random, l + "self_attn.k_proj.bias", 0.2, 0, kv);
                add(random, l + "self_attn.v_proj.bias", 0.2, 0, kv);
            }
            if (model.bias()) {
                add(random, l + "self_attn.o_proj.bias", 0.2, 0, h);
            }
            add(random, l + "post_attention_layernorm.weight", 0.2, 1, h);
            add(random, l + "mlp.gate_proj.weight", 0.3, 0, model.intermediate(), h);
            add(random, l + "mlp.up_proj.weight", 0.3, 0, model.intermediate(), h);
            add(random, l + "mlp.down_proj.weight", 0.3, 0, h, model.intermediate());
        }
        add(random, "model.norm.weight", 0.2, 1, h);
        if (!model.tied()) {
            add(random, "lm_head.weight", 0.3, 0, v, h);
        }
    }

    private void add(Random random, String name, double scale, double mean, long... shape) {
        long count = 1;
        for (long dim : shape) {
            count *= dim;
        }
        float[] values = new float[(int) count];
        for (int i = 0; i < values.length; i++) {
            float value = (float) (mean + scale * (2 * random.nextDouble() - 1));
            values[i] = switch (model.dtype()) {
                case F16 -> FloatCodec.float16ToFloat(FloatCodec.floatToFloat16(value));
                case BF16 -> FloatCodec.bfloat16ToFloat(FloatCodec.floatToBfloat16(value));
                default -> value;
            };
        }
        weights.put(name, values);
        shapes.put(name, shape);
    }

    private String config() {
        JsonObject config = new JsonObject();
        config.addProperty("model_type", model.modelType());
        config.addProperty("vocab_size", model.vocabSize());
        config.addProperty("tie_word_embeddings", model.tied());
        config.addProperty("torch_dtype", model.dtype() == DType.F32 ? "float32"
                : model.dtype() == DType.F16 ? "float16" : "bfloat16");
        if (model.isGpt2()) {
            config.addProperty("n_embd", model.hidden());
            config.addProperty("n_layer", model.layers());
            config.addProperty("n_head", model.heads());
            config.addProperty("n_positions", 64);
            config.add("n_inner", null);
            config.addProperty("activation_function", "gelu_new");
            config.addProperty("layer_norm_epsilon", 1e-5);
        } else {
            config.addProperty("hidden_size", model.hidden());
            config.addProperty("num_hidden_layers", model.layers());
            config.addProperty("num_attention_heads", model.heads());
            config.addProperty("num_key_value_heads", model.kvHeads());
            if (model.headDim() != model.hidden() / model.heads() || model.headNorms()) {
                config.addProperty("head_dim", model.headDim());
            }
            config.addProperty("intermediate_size", model.intermediate());
            config.addProperty("hidden_act", "silu");
            config.addProperty("rms_norm_eps", 1e-6);
            config.addProperty("rope_theta", model.ropeTheta());
            config.addProperty("max_position_embeddings", model.maxPositions());
            if (model.modelType().equals("llama") || model.headNorms()) {
                config.addProperty("attention_bias", model.bias());
            }
            if (model.slidingWindow() > 0) {
                config.addProperty("sliding_window", model.slidingWindow());
            }
            if (model.maxWindowLayers() >= 0) {
                config.addProperty("use_sliding_window", true);
                config.addProperty("max_window_layers", model.maxWindowLayers());
            }
            if (model.ropeScaling() != null) {
                config.add("rope_scaling", JsonParser.parseString(model.ropeScaling()));
                if (model.ropeScaling().contains("longrope")) {
                    // as Phi-3: the pretrained context at the top level, here a quarter of the positions
                    config.addProperty("original_max_position_embeddings", model.maxPositions() / 4);
                }
            } else if (model.llama3() != null) {
                JsonObject scaling = new JsonObject();
                scaling.addProperty("rope_type", "llama3");
                scaling.addProperty("factor", model.llama3()[0]);
                scaling.addProperty("low_freq_factor", model.llama3()[1]);
                scaling.addProperty("high_freq_factor", model.llama3()[2]);
                scaling.addProperty("original_max_position_embeddings", model.llama3()[3]);
                config.add("rope_scaling", scaling);
            }
        }
        return new GsonBuilder().serializeNulls().setPrettyPrinting().create().toJson(config);
    }

    private void writeWeights(int shards) {
        List<String> names = new ArrayList<>(weights.keySet());
        if (shards == 1) {
            SafetensorsWriter writer = new SafetensorsWriter();
            names.forEach(name -> writer.add(name, model.dtype(), shapes.get(name), weights.get(name)));
            writer.write(directory.resolve("model.safetensors"));
            return;
        }
        JsonObject weightMap = new JsonObject();
        for (int shard = 0; shard < shards; shard++) {
            String file = String.format("model-%05d-of-%05d.safetensors", shard + 1, shards);
            SafetensorsWriter writer = new SafetensorsWriter();
            for (int i = shard; i < names.size(); i += shards) {
                writer.add(names.get(i), model.dtype(), shapes.get(names.get(i)), weights.get(names.get(i)));
                weightMap.addProperty(names.get(i), file);
            }
            writer.write(directory.resolve(file));
        }
        JsonObject index = new JsonObject();
        index.add("metadata", new JsonObject());
        index.add("weight_map", weightMap);
        try {
            Files.writeString(directory.resolve("model.safetensors.index.json"), index.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
