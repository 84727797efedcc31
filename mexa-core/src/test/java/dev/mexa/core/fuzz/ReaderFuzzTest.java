package dev.mexa.core.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDManager;
import dev.mexa.core.MexaException;
import dev.mexa.core.embedding.EmbeddingFiles;
import dev.mexa.core.embedding.EmbeddingMethod;
import dev.mexa.core.embedding.ImportedEmbeddings;
import dev.mexa.core.report.LanguageResult;
import dev.mexa.core.report.MexaReport;
import dev.mexa.core.report.ReportFixture;
import dev.mexa.core.report.ReportJson;
import dev.mexa.core.runtime.SentenceTokenizer;
import dev.mexa.core.runtime.TinyCheckpoint;
import dev.mexa.core.runtime.TinyModel;
import dev.mexa.core.runtime.checkpoint.CheckpointFiles;
import dev.mexa.core.runtime.checkpoint.ModelConfig;
import dev.mexa.core.runtime.model.DecoderCheckpoint;
import dev.mexa.core.safetensors.DType;
import dev.mexa.core.safetensors.SafetensorsFile;
import dev.mexa.core.safetensors.SafetensorsWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seeded property tests: thousands of mutants of each input file go through the real readers, and the only
 * exception that may come out is {@link MexaException}, within a few seconds per case: never another exception,
 * an {@link OutOfMemoryError}, a {@link StackOverflowError} or a hang. A failure names the case and its seed, so
 * that it can be replayed with {@code -Dmexa.fuzz.seed=...}.
 */
class ReaderFuzzTest {

    private static final long SEED = Long.getLong("mexa.fuzz.seed", 20261201L);
    private static final long CASE_SECONDS = 10;

    private static ExecutorService executor;

    @TempDir
    static Path temp;

    @BeforeAll
    static void startExecutor() {
        executor = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "fuzz-case");
            thread.setDaemon(true);
            return thread;
        });
    }

    @AfterAll
    static void stopExecutor() {
        executor.shutdownNow();
    }

    /** Reads one mutant with a real reader; anything but a {@link MexaException} is a finding. */
    @FunctionalInterface
    private interface Reader {
        void read(Path file) throws Exception;
    }

    @Test
    void safetensorsWeights() throws IOException {
        Path file = temp.resolve("weights/model.safetensors");
        Files.createDirectories(file.getParent());
        new SafetensorsWriter().metadata("format", "pt")
                .add("a.weight", DType.F32, new long[] {2, 3}, new float[] {1, 2, 3, 4, 5, 6})
                .add("b.weight", DType.F16, new long[] {4}, new float[] {1, -1, 0.5f, 2})
                .add("c.weight", DType.BF16, new long[] {2, 2}, new float[] {1, 2, 3, 4})
                .add("empty", DType.F32, new long[] {0}, new float[0])
                .write(file);
        fuzz("safetensors weights", file, 1500, true, path -> {
            try (SafetensorsFile weights = SafetensorsFile.open(path)) {
                for (String name : weights.tensors().keySet()) {
                    weights.readFloats(name);
                }
            }
        });
    }

    @Test
    void importedEmbeddings() {
        Path directory = temp.resolve("embeddings");
        EmbeddingFiles.write(directory, "eng_Latn", new long[] {2, 3, 4}, new float[24],
                EmbeddingMethod.WEIGHTED_AVERAGE);
        fuzz("imported embeddings", EmbeddingFiles.file(directory, "eng_Latn"), 600, true, path -> {
            try (ImportedEmbeddings embeddings = new ImportedEmbeddings(path.getParent());
                    NDManager manager = NDManager.newBaseManager()) {
                embeddings.embed("eng_Latn", manager);
            }
        });
    }

    @Test
    void configJson() {
        for (TinyModel model : List.of(TinyModel.llama(), TinyModel.gpt2())) {
            TinyCheckpoint checkpoint = TinyCheckpoint.write(temp.resolve("config-" + model.modelType()), model);
            fuzz("config.json of " + model.modelType(), checkpoint.directory.resolve(ModelConfig.FILE_NAME), 600,
                    false, path -> DecoderCheckpoint.read(path.getParent()));
        }
    }

    @Test
    void tokenizerJson() {
        TinyCheckpoint checkpoint = TinyCheckpoint.write(temp.resolve("tokenizer"), TinyModel.llama());
        fuzz("tokenizer.json", checkpoint.directory.resolve(SentenceTokenizer.FILE_NAME), 1000, false, path -> {
            try (SentenceTokenizer tokenizer = new SentenceTokenizer(path.getParent())) {
                tokenizer.encode("the cat sat");
            }
        });
    }

    @Test
    void shardIndex() {
        TinyCheckpoint checkpoint = TinyCheckpoint.write(temp.resolve("sharded"), TinyModel.gpt2(), 2);
        fuzz("shard index", checkpoint.directory.resolve(CheckpointFiles.INDEX_FILE), 600, false, path -> {
            try (CheckpointFiles files = new CheckpointFiles(path.getParent())) {
                files.contains("wte.weight");
            }
        });
    }

    @Test
    void baselines() throws IOException {
        MexaReport report = ReportFixture.report().sentences(4).layers(2).note("a note")
                .language(LanguageResult.ungated("deu_Latn", false, 4, 0.5, new double[] {0.25, 0.75})
                        .withGate(ReportFixture.passed(0.4, 0.6)))
                .build();
        Path file = temp.resolve("baseline/mexa-report.json");
        Files.createDirectories(file.getParent());
        Files.writeString(file, ReportJson.toJson(report));
        fuzz("baseline", file, 1200, false, ReportJson::read);
    }

    private static void fuzz(String what, Path file, int cases, boolean safetensors, Reader reader) {
        byte[] original;
        try {
            original = Files.readAllBytes(file);
            reader.read(file);
        } catch (Exception e) {
            throw new AssertionError("the unmutated " + what + " must read", e);
        }
        List<String> findings = new ArrayList<>();
        int rejected = 0;
        for (int i = 0; i < cases && findings.size() < 5; i++) {
            long seed = SEED * 1_000_003L + what.hashCode() * 31L + i;
            byte[] mutant = Mutator.mutate(original, new Random(seed), safetensors);
            String finding;
            try {
                Files.write(file, mutant);
                finding = readWithin(reader, file);
            } catch (IOException e) {
                throw new AssertionError("cannot write the mutant", e);
            }
            if (finding == null) {
                continue;
            }
            if (finding.isEmpty()) {
                rejected++;
            } else {
                findings.add("case " + i + " (seed " + seed + "): " + finding + "\n  mutant: "
                        + printable(mutant));
            }
        }
        restore(file, original);
        assertThat(findings).as("%s: readers must answer mutants with MexaException only", what).isEmpty();
        assertThat(rejected).as("%s: most mutants are rejected", what).isGreaterThan(cases / 4);
    }

    /** @return null when the mutant was read, "" when rejected with a MexaException, else what went wrong */
    private static String readWithin(Reader reader, Path file) {
        Future<?> result = executor.submit(() -> {
            reader.read(file);
            return null;
        });
        try {
            result.get(CASE_SECONDS, TimeUnit.SECONDS);
            return null;
        } catch (TimeoutException e) {
            result.cancel(true);
            return "no answer within " + CASE_SECONDS + " s";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof MexaException mexa) {
                return mexa.getMessage() == null || mexa.getMessage().isBlank() ? "MexaException without a message"
                        : "";
            }
            return cause.getClass().getName() + ": " + cause.getMessage();
        }
    }

    private static void restore(Path file, byte[] original) {
        try {
            Files.write(file, original);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static String printable(byte[] bytes) {
        String text = new String(bytes, 0, Math.min(bytes.length, 400), StandardCharsets.ISO_8859_1);
        return text.replaceAll("[^\\x20-\\x7e]", "?");
    }
}
