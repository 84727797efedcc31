package dev.mexa.core.runtime;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import dev.mexa.core.embedding.EmbeddingMethod;
import dev.mexa.core.runtime.model.DecoderModel;
import dev.mexa.core.runtime.model.DecoderCheckpoint;
import dev.mexa.core.safetensors.DType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Sentences per second of the runtime on a generated Llama-shaped model, batch 1 against batch 8 in one run (not a
 * unit test; run by {@code bench/runtime-bench.sh}). Arguments: hidden size, layers, sentences, repeats.
 */
public final class RuntimeBench {

    private RuntimeBench() {
    }

    /** @param args optional: hidden (256), layers (4), sentences (64), repeats (3) */
    public static void main(String[] args) throws Exception {
        int hidden = args.length > 0 ? Integer.parseInt(args[0]) : 256;
        int layers = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        int count = args.length > 2 ? Integer.parseInt(args[2]) : 64;
        int repeats = args.length > 3 ? Integer.parseInt(args[3]) : 3;
        Path directory = Files.createTempDirectory("mexa-bench");
        TinyModel model = new TinyModel("llama", 2000, hidden, layers, hidden / 32, hidden / 128, 32,
                hidden * 8 / 3, 500000, null, false, DType.BF16, false, 0, 42);
        TinyCheckpoint checkpoint = TinyCheckpoint.write(directory, model);
        Random random = new Random(1);
        List<String> sentences = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            sentences.add(checkpoint.sentence(random, 15 + random.nextInt(30)));
        }
        System.out.printf(Locale.ROOT, "model: llama hidden %d, %d layers, %d/%d heads, intermediate %d, BF16 weights;"
                + " %d sentences of 16-45 tokens; %d CPU cores%n", hidden, layers, model.heads(), model.kvHeads(),
                model.intermediate(), count, Runtime.getRuntime().availableProcessors());
        try (DecoderModel decoder = DecoderCheckpoint.read(directory).load(Device.cpu(), DataType.FLOAT32);
                SentenceTokenizer tokenizer = new SentenceTokenizer(directory)) {
            for (int batch : new int[] {1, 8}) {
                SentenceEncoder encoder = new SentenceEncoder(decoder, tokenizer, EmbeddingMethod.WEIGHTED_AVERAGE,
                        batch);
                double best = Double.MAX_VALUE;
                for (int run = 0; run <= repeats; run++) {
                    try (NDManager manager = NDManager.newBaseManager(Device.cpu())) {
                        long start = System.nanoTime();
                        encoder.encode(sentences, "bench", manager);
                        double seconds = (System.nanoTime() - start) / 1e9;
                        if (run > 0) {
                            best = Math.min(best, seconds);
                        }
                    }
                }
                System.out.printf(Locale.ROOT, "batch %d: best of %d %.3f s, %.1f sentences/s%n", batch, repeats,
                        best, count / best);
            }
        }
    }
}
