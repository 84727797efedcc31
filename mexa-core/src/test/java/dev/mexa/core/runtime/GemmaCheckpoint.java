package dev.mexa.core.runtime;

import com.google.gson.GsonBuilder;
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
import java.util.stream.IntStream;

/**
 * Writes a random-weight Gemma-family HuggingFace checkpoint for a {@link TinyGemma} (config.json as
 * {@code save_pretrained} writes it, model.safetensors, word-level tokenizer.json adding {@code <s>}) and keeps the
 * weights, rounded to the stored dtype, for the float64 {@link GemmaReference}. Word embeddings have RMS about
 * {@code 1/sqrt(hidden)}, so that the scaled embedding has unit size; norm weights are small, as the model applies
 * {@code 1 + w}; query and key weights are large enough that soft-capping and windows matter.
 */
public record GemmaCheckpoint(Path directory, TinyGemma model, Map<String, float[]> weights) {

    /**
     * @param directory where to write (created)
     * @param model the shape
     * @return the written checkpoint, whose {@link #weights} hold every weight by its full name as stored (rounded
     *     to the dtype)
     */
    public static GemmaCheckpoint write(Path directory, TinyGemma model) {
        GemmaCheckpoint checkpoint = new GemmaCheckpoint(directory, model, new LinkedHashMap<>());
        SafetensorsWriter writer = new SafetensorsWriter();
        checkpoint.generate(new Random(model.seed()), writer);
        List<String> vocabulary = new ArrayList<>(List.of("<unk>", "<s>"));
        IntStream.range(0, model.vocab()).forEach(i -> vocabulary.add("w" + i));
        try {
            Files.createDirectories(directory);
            Files.writeString(directory.resolve("config.json"), checkpoint.config());
            Files.writeString(directory.resolve("tokenizer.json"), WordLevelTokenizerJson.build(vocabulary, "<unk>",
                    "<s>"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        writer.write(directory.resolve("model.safetensors"));
        return checkpoint;
    }

    /**
     * @param random source of words
     * @param words sentence length in words
     * @return the token ids the tokenizer gives a sentence of that many random vocabulary words: {@code <s>} first
     */
    public int[] randomIds(Random random, int words) {
        int[] ids = new int[words + 1];
        ids[0] = 1;
        for (int i = 1; i <= words; i++) {
            ids[i] = 2 + random.nextInt(model.vocab());
        }
        return ids;
    }

    private void generate(Random random, SafetensorsWriter writer) {
        int h = model.hidden();
        int q = model.heads() * model.headDim();
        int kv = model.kvHeads() * model.headDim();
        add(writer, random, "model.embed_tokens.weight", Math.sqrt(3.0 / h), 0, model.vocabSize(), h);
        for (int i = 0; i < model.layers(); i++) {
            String l = "model.layers." + i + ".";
            add(writer, random, l + "input_layernorm.weight", 0.2, 0, h);
            add(writer, random, l + "self_attn.q_proj.weight", 0.6, 0, q, h);
            add(writer, random, l + "self_attn.k_proj.weight", 0.6, 0, kv, h);
            add(writer, random, l + "self_attn.v_proj.weight", 0.3, 0, kv, h);
            add(writer, random, l + "self_attn.o_proj.weight", 0.3, 0, h, q);
            if (model.attentionBias()) {
                add(writer, random, l + "self_attn.q_proj.bias", 0.2, 0, q);
                add(writer, random, l + "self_attn.k_proj.bias", 0.2, 0, kv);
                add(writer, random, l + "self_attn.v_proj.bias", 0.2, 0, kv);
                add(writer, random, l + "self_attn.o_proj.bias", 0.2, 0, h);
            }
            if (model.queryKeyNorms()) {
                add(writer, random, l + "self_attn.q_norm.weight", 0.2, 0, model.headDim());
                add(writer, random, l + "self_attn.k_norm.weight", 0.2, 0, model.headDim());
            }
            add(writer, random, l + "post_attention_layernorm.weight", 0.2, 0, h);
            if (model.sandwichNorms()) {
                add(writer, random, l + "pre_feedforward_layernorm.weight", 0.2, 0, h);
                add(writer, random, l + "post_feedforward_layernorm.weight", 0.2, 0, h);
            }
            add(writer, random, l + "mlp.gate_proj.weight", 0.3, 0, model.intermediate(), h);
            add(writer, random, l + "mlp.up_proj.weight", 0.3, 0, model.intermediate(), h);
            add(writer, random, l + "mlp.down_proj.weight", 0.3, 0, h, model.intermediate());
        }
        add(writer, random, "model.norm.weight", 0.2, 0, h);
        if (!model.tied()) {
            add(writer, random, "lm_head.weight", 0.3, 0, model.vocabSize(), h);
        }
    }

    /** Adds uniform values in {@code mean +- scale}, rounded to the stored dtype as the file will hold them. */
    private void add(SafetensorsWriter writer, Random random, String name, double scale, double mean,
            long... shape) {
        int count = (int) Arrays.stream(shape).reduce(1, Math::multiplyExact);
        float[] drawn = new float[count];
        for (int i = 0; i < count; i++) {
            drawn[i] = (float) (mean + scale * (2 * random.nextDouble() - 1));
        }
        byte[] stored = FloatCodec.encode(drawn, model.dtype());
        writer.addRaw(name, model.dtype(), shape, stored);
        float[] rounded = new float[count];
        FloatCodec.decodeInto(ByteBuffer.wrap(stored), model.dtype(), rounded, 0, count);
        weights.put(name, rounded);
    }

    private String config() {
        JsonObject config = new JsonObject();
        config.addProperty("model_type", model.modelType());
        config.addProperty("vocab_size", model.vocabSize());
        if (!model.tied()) {
            config.addProperty("tie_word_embeddings", false);
        }
        config.addProperty("torch_dtype", model.dtype() == DType.F32 ? "float32"
                : model.dtype() == DType.F16 ? "float16" : "bfloat16");
        config.addProperty("hidden_size", model.hidden());
        config.addProperty("num_hidden_layers", model.layers());
        config.addProperty("num_attention_heads", model.heads());
        config.addProperty("num_key_value_heads", model.kvHeads());
        config.addProperty("head_dim", model.headDim());
        config.addProperty("intermediate_size", model.intermediate());
        if (model.modelType().equals("gemma")) {
            config.addProperty("hidden_act", "gelu_pytorch_tanh");
        }
        config.addProperty("hidden_activation", "gelu_pytorch_tanh");
        config.addProperty("rms_norm_eps", 1e-6);
        config.addProperty("rope_theta", model.ropeTheta());
        config.addProperty("max_position_embeddings", 256);
        config.addProperty("attention_bias", model.attentionBias());
        config.addProperty("bos_token_id", 1);
        config.addProperty("pad_token_id", 0);
        if (model.sandwichNorms()) {
            config.addProperty("query_pre_attn_scalar", model.queryScalar());
            config.addProperty("sliding_window", model.slidingWindow());
            if (model.softcap() > 0) {
                config.addProperty("attn_logit_softcapping", model.softcap());
            } else {
                config.add("attn_logit_softcapping", null);
            }
            config.addProperty("final_logit_softcapping", 30.0);
            config.addProperty("cache_implementation", "hybrid");
        }
        if (model.queryKeyNorms()) {
            config.addProperty("rope_local_base_freq", model.localTheta());
            config.addProperty("sliding_window_pattern", model.slidingPattern());
            if (model.linearFactor() > 0) {
                JsonObject scaling = new JsonObject();
                scaling.addProperty("rope_type", "linear");
                scaling.addProperty("factor", model.linearFactor());
                config.add("rope_scaling", scaling);
            } else {
                config.add("rope_scaling", null);
            }
        }
        return new GsonBuilder().serializeNulls().setPrettyPrinting().create().toJson(config);
    }
}
