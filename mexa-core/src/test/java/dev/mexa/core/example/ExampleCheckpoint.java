package dev.mexa.core.example;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import dev.mexa.core.io.AtomicFiles;
import dev.mexa.core.safetensors.DType;
import dev.mexa.core.safetensors.SafetensorsWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

/**
 * Writes a small Llama-architecture checkpoint in HuggingFace layout ({@code config.json}, {@code model.safetensors},
 * {@code tokenizer.json}, {@code tokenizer_config.json}) around a given token embedding matrix, with random
 * transformer weights. The caller controls alignment through the embedding rows; see {@link ExampleProject}.
 */
public final class ExampleCheckpoint {

    /** Hidden size of generated checkpoints. */
    public static final int HIDDEN = 32;
    /** Number of decoder layers. */
    public static final int LAYERS = 2;
    private static final int HEADS = 4;
    private static final int KV_HEADS = 2;
    private static final int INTERMEDIATE = 64;
    private static final double WEIGHT_STD = 0.05;

    private ExampleCheckpoint() {
    }

    /**
     * @param directory where the checkpoint goes (created)
     * @param vocabulary tokens in id order, including {@code <unk>} and {@code <s>}
     * @param embeddingRows one row of {@link #HIDDEN} values per token
     * @param seed seed for the transformer weights
     */
    public static void write(Path directory, List<String> vocabulary, float[][] embeddingRows, long seed) {
        Random random = new Random(seed);
        int vocab = vocabulary.size();
        int headDim = HIDDEN / HEADS;
        SafetensorsWriter weights = new SafetensorsWriter().metadata("format", "pt");
        weights.add("model.embed_tokens.weight", DType.F32, new long[] {vocab, HIDDEN}, flatten(embeddingRows));
        for (int layer = 0; layer < LAYERS; layer++) {
            String prefix = "model.layers." + layer + ".";
            weights.add(prefix + "input_layernorm.weight", DType.F32, new long[] {HIDDEN}, ones(HIDDEN));
            weights.add(prefix + "post_attention_layernorm.weight", DType.F32, new long[] {HIDDEN}, ones(HIDDEN));
            addLinear(weights, prefix + "self_attn.q_proj.weight", HEADS * headDim, HIDDEN, random);
            addLinear(weights, prefix + "self_attn.k_proj.weight", KV_HEADS * headDim, HIDDEN, random);
            addLinear(weights, prefix + "self_attn.v_proj.weight", KV_HEADS * headDim, HIDDEN, random);
            addLinear(weights, prefix + "self_attn.o_proj.weight", HIDDEN, HEADS * headDim, random);
            addLinear(weights, prefix + "mlp.gate_proj.weight", INTERMEDIATE, HIDDEN, random);
            addLinear(weights, prefix + "mlp.up_proj.weight", INTERMEDIATE, HIDDEN, random);
            addLinear(weights, prefix + "mlp.down_proj.weight", HIDDEN, INTERMEDIATE, random);
        }
        weights.add("model.norm.weight", DType.F32, new long[] {HIDDEN}, ones(HIDDEN));
        weights.write(directory.resolve("model.safetensors"));
        AtomicFiles.write(directory.resolve("config.json"), config(vocab, vocabulary.indexOf("<s>")));
        AtomicFiles.write(directory.resolve("tokenizer.json"),
                WordLevelTokenizerJson.build(vocabulary, "<unk>", "<s>"));
        AtomicFiles.write(directory.resolve("tokenizer_config.json"),
                "{\n  \"add_bos_token\": true,\n  \"bos_token\": \"<s>\",\n  \"unk_token\": \"<unk>\"\n}\n");
    }

    private static String config(int vocab, int bosId) {
        JsonObject config = new JsonObject();
        config.addProperty("model_type", "llama");
        config.add("architectures", new com.google.gson.JsonArray());
        config.getAsJsonArray("architectures").add("LlamaForCausalLM");
        config.addProperty("hidden_size", HIDDEN);
        config.addProperty("intermediate_size", INTERMEDIATE);
        config.addProperty("num_hidden_layers", LAYERS);
        config.addProperty("num_attention_heads", HEADS);
        config.addProperty("num_key_value_heads", KV_HEADS);
        config.addProperty("hidden_act", "silu");
        config.addProperty("max_position_embeddings", 256);
        config.addProperty("rms_norm_eps", 1e-5);
        config.addProperty("rope_theta", 10000.0);
        config.addProperty("tie_word_embeddings", true);
        config.addProperty("vocab_size", vocab);
        config.addProperty("bos_token_id", bosId);
        config.addProperty("torch_dtype", "float32");
        return new GsonBuilder().setPrettyPrinting().create().toJson(config) + "\n";
    }

    private static void addLinear(SafetensorsWriter weights, String name, int out, int in, Random random) {
        float[] values = new float[out * in];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) (random.nextGaussian() * WEIGHT_STD);
        }
        weights.add(name, DType.F32, new long[] {out, in}, values);
    }

    private static float[] ones(int size) {
        float[] values = new float[size];
        java.util.Arrays.fill(values, 1f);
        return values;
    }

    private static float[] flatten(float[][] rows) {
        float[] flat = new float[rows.length * HIDDEN];
        for (int row = 0; row < rows.length; row++) {
            System.arraycopy(rows[row], 0, flat, row * HIDDEN, HIDDEN);
        }
        return flat;
    }
}
