package dev.mexa.core.bench;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.mexa.core.example.WordLevelTokenizerJson;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A Llama-shaped checkpoint with random BF16 weights, streamed to disk tensor by tensor (an 8B-shaped file does not fit
 * in a Java array): {@code config.json}, {@code model.safetensors} and a tokenizer (a given {@code tokenizer.json}, or
 * a generated word-level one over {@code w0, w1, ...}). Weights are uniform in {@code +-1/sqrt(fan_in)}, norm scales 1.
 *
 * @param hidden model width
 * @param layers decoder layers
 * @param heads query heads
 * @param kvHeads key/value heads
 * @param intermediate MLP width
 * @param vocab vocabulary size
 * @param outputHead whether an untied {@code lm_head.weight} is written (as in Llama 3 8B; never loaded)
 */
public record BenchCheckpoint(int hidden, int layers, int heads, int kvHeads, int intermediate, int vocab,
        boolean outputHead) {

    /** @return the medium shape of the benchmark: hidden 1024, 16 layers, 16/4 heads, MLP 2816, vocabulary 32000 */
    public static BenchCheckpoint medium() {
        return new BenchCheckpoint(1024, 16, 16, 4, 2816, 32000, false);
    }

    /** @param layers decoder layers @return Llama 3 8B's shape with fewer layers, its output head included */
    public static BenchCheckpoint eightBShaped(int layers) {
        return new BenchCheckpoint(4096, layers, 32, 8, 14336, 128256, true);
    }

    /** @return the weights the forward pass uses (the output head excluded), by name with shape */
    public Map<String, long[]> usedWeights() {
        Map<String, long[]> weights = new LinkedHashMap<>();
        int headDim = hidden / heads;
        weights.put("model.embed_tokens.weight", new long[] {vocab, hidden});
        for (int i = 0; i < layers; i++) {
            String l = "model.layers." + i + ".";
            weights.put(l + "input_layernorm.weight", new long[] {hidden});
            weights.put(l + "self_attn.q_proj.weight", new long[] {(long) heads * headDim, hidden});
            weights.put(l + "self_attn.k_proj.weight", new long[] {(long) kvHeads * headDim, hidden});
            weights.put(l + "self_attn.v_proj.weight", new long[] {(long) kvHeads * headDim, hidden});
            weights.put(l + "self_attn.o_proj.weight", new long[] {hidden, (long) heads * headDim});
            weights.put(l + "post_attention_layernorm.weight", new long[] {hidden});
            weights.put(l + "mlp.gate_proj.weight", new long[] {intermediate, hidden});
            weights.put(l + "mlp.up_proj.weight", new long[] {intermediate, hidden});
            weights.put(l + "mlp.down_proj.weight", new long[] {hidden, intermediate});
        }
        weights.put("model.norm.weight", new long[] {hidden});
        return weights;
    }

    /** @return parameters of the weights the forward pass uses */
    public long usedParameters() {
        return usedWeights().values().stream().mapToLong(BenchCheckpoint::count).sum();
    }

    /** @return parameters multiplied per token: every used weight but the token embedding and the norm scales */
    public long matrixParameters() {
        return usedWeights().entrySet().stream().filter(e -> e.getValue().length == 2 && !e.getKey().contains("embed"))
                .mapToLong(e -> count(e.getValue())).sum();
    }

    /**
     * @param tokens a sentence's token count
     * @return floating point operations of its forward pass: 2 per matrix parameter per token, plus the attention
     *     products (scores and weighted values, 2 x 2 x T x T x headDim per head and layer, causal half not skipped)
     */
    public double flops(int tokens) {
        double attention = 4.0 * tokens * tokens * hidden * layers;
        return 2.0 * matrixParameters() * tokens + attention;
    }

    /** @return a short description */
    public String describe() {
        return String.format("hidden %d, %d layers, %d/%d heads, MLP %d, vocabulary %d, BF16, %.0fM parameters used",
                hidden, layers, heads, kvHeads, intermediate, vocab, usedParameters() / 1e6);
    }

    /**
     * Writes the checkpoint unless {@code directory} already holds this exact configuration.
     *
     * @param directory where to write
     * @param tokenizer a {@code tokenizer.json} to copy, or {@code null} for a generated word-level one
     * @return the directory
     */
    public Path write(Path directory, Path tokenizer) throws IOException {
        String config = config();
        Path configFile = directory.resolve("config.json");
        Path weights = directory.resolve("model.safetensors");
        if (Files.isRegularFile(configFile) && Files.readString(configFile).equals(config) && Files.isRegularFile(weights)
                && Files.isRegularFile(directory.resolve("tokenizer.json"))) {
            return directory;
        }
        Files.createDirectories(directory);
        Files.deleteIfExists(configFile);
        writeWeights(weights);
        if (tokenizer != null) {
            Files.copy(tokenizer, directory.resolve("tokenizer.json"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } else {
            List<String> words = new ArrayList<>(List.of("<unk>", "<s>"));
            for (int i = 0; i < Math.min(vocab, 32000) - 2; i++) {
                words.add("w" + i);
            }
            Files.writeString(directory.resolve("tokenizer.json"), WordLevelTokenizerJson.build(words, "<unk>", "<s>"));
        }
        Files.writeString(configFile, config);
        return directory;
    }

    private String config() {
        JsonObject config = new JsonObject();
        config.addProperty("model_type", "llama");
        config.add("architectures", new JsonArray());
        config.getAsJsonArray("architectures").add("LlamaForCausalLM");
        config.addProperty("vocab_size", vocab);
        config.addProperty("hidden_size", hidden);
        config.addProperty("num_hidden_layers", layers);
        config.addProperty("num_attention_heads", heads);
        config.addProperty("num_key_value_heads", kvHeads);
        config.addProperty("intermediate_size", intermediate);
        config.addProperty("hidden_act", "silu");
        config.addProperty("rms_norm_eps", 1e-5);
        config.addProperty("rope_theta", 500000.0);
        config.addProperty("max_position_embeddings", 8192);
        config.addProperty("attention_bias", false);
        config.addProperty("mlp_bias", false);
        config.addProperty("tie_word_embeddings", false);
        config.addProperty("torch_dtype", "bfloat16");
        config.addProperty("bos_token_id", 1);
        return new GsonBuilder().setPrettyPrinting().create().toJson(config);
    }

    private void writeWeights(Path file) throws IOException {
        Map<String, long[]> weights = usedWeights();
        if (outputHead) {
            weights.put("lm_head.weight", new long[] {vocab, hidden});
        }
        JsonObject header = new JsonObject();
        long offset = 0;
        for (Map.Entry<String, long[]> weight : weights.entrySet()) {
            JsonObject entry = new JsonObject();
            entry.addProperty("dtype", "BF16");
            JsonArray shape = new JsonArray();
            for (long dim : weight.getValue()) {
                shape.add(dim);
            }
            entry.add("shape", shape);
            JsonArray offsets = new JsonArray();
            offsets.add(offset);
            offset += 2 * count(weight.getValue());
            offsets.add(offset);
            entry.add("data_offsets", offsets);
            header.add(weight.getKey(), entry);
        }
        byte[] json = header.toString().getBytes(StandardCharsets.UTF_8);
        int padded = (json.length + 7) / 8 * 8;
        ByteBuffer prefix = ByteBuffer.allocate(8 + padded).order(ByteOrder.LITTLE_ENDIAN);
        prefix.putLong(padded).put(json);
        while (prefix.hasRemaining()) {
            prefix.put((byte) ' ');
        }
        Path temp = file.resolveSibling(file.getFileName() + ".tmp");
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            writeAll(channel, prefix.flip());
            long seed = 0x9E3779B97F4A7C15L;
            ByteBuffer chunk = ByteBuffer.allocateDirect(1 << 22).order(ByteOrder.LITTLE_ENDIAN);
            for (Map.Entry<String, long[]> weight : weights.entrySet()) {
                long[] shape = weight.getValue();
                boolean norm = shape.length == 1;
                float scale = norm ? 0 : (float) (1 / Math.sqrt(shape[shape.length - 1]));
                for (long remaining = count(shape); remaining > 0; ) {
                    chunk.clear();
                    while (chunk.hasRemaining() && remaining > 0) {
                        seed ^= seed << 13;
                        seed ^= seed >>> 7;
                        seed ^= seed << 17;
                        float uniform = (seed >>> 40) * 0x1p-24f * 2 - 1;
                        float value = norm ? 1f : uniform * scale;
                        chunk.putShort((short) (Float.floatToRawIntBits(value) >>> 16));
                        remaining--;
                    }
                    writeAll(channel, chunk.flip());
                }
            }
        }
        Files.move(temp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    private static void writeAll(FileChannel channel, ByteBuffer buffer) throws IOException {
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
    }

    static long count(long[] shape) {
        long count = 1;
        for (long dim : shape) {
            count *= dim;
        }
        return count;
    }
}
