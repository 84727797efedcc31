package dev.mexa.core.cache;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.mexa.core.MexaLog;
import dev.mexa.core.RecordingLog;
import dev.mexa.core.embedding.EmbeddingMethod;
import dev.mexa.core.runtime.ComputeDevice;
import dev.mexa.core.runtime.ModelEmbeddings;
import dev.mexa.core.runtime.ModelSettings;
import dev.mexa.core.runtime.TinyCheckpoint;
import dev.mexa.core.runtime.TinyModel;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embeddings cache over a generated checkpoint: hits without a model load, keys, corrupt entries, concurrency,
 * the deletion of entries no run uses.
 */
class CachedEmbeddingsTest {

    private static final List<String> LANGUAGES = List.of("deu_Latn", "eng_Latn", "fra_Latn");

    @TempDir
    Path temp;

    private TinyCheckpoint checkpoint;
    private Path corpus;
    private EmbeddingCache cache;

    @BeforeEach
    void writeModelAndCorpus() throws IOException {
        checkpoint = TinyCheckpoint.write(temp.resolve("model"), TinyModel.llama());
        corpus = Files.createDirectories(temp.resolve("corpus"));
        Random random = new Random(3);
        for (String language : LANGUAGES) {
            List<String> lines = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                lines.add(checkpoint.sentence(random, 2 + random.nextInt(6)));
            }
            Files.write(corpus.resolve(language + ".txt"), lines);
        }
        cache = new EmbeddingCache(temp.resolve("cache"));
    }

    @Test
    void aSecondRunIsServedFromTheCacheWithoutLoadingTheModel() {
        List<String> first = new ArrayList<>();
        Map<String, float[]> computed = embedAll(first);
        assertThat(first).anyMatch(line -> line.startsWith("Loaded llama model"))
                .contains("Embeddings cache " + cache.directory() + ": 0 languages loaded, 3 computed and stored.");
        List<String> second = new ArrayList<>();
        Map<String, float[]> cached = embedAll(second);
        assertThat(second).noneMatch(line -> line.startsWith("Loaded "))
                .containsExactly("Embeddings cache " + cache.directory() + ": 3 languages loaded, 0 computed and"
                        + " stored.");
        LANGUAGES.forEach(language -> assertThat(cached.get(language)).containsExactly(computed.get(language)));
    }

    /** Entries are read through one reused buffer: each loaded array must hold its own copy. */
    @Test
    void loadedEntriesStayIntactWhileLaterEntriesAreLoaded() {
        Map<String, float[]> computed = embedAll(new ArrayList<>());
        try (NDManager manager = NDManager.newBaseManager()) {
            List<NDArray> loaded = new ArrayList<>();
            for (String language : LANGUAGES) {
                loaded.add(cache.load(key(language, EmbeddingMethod.WEIGHTED_AVERAGE), manager, MexaLog.silent()));
            }
            for (int i = 0; i < LANGUAGES.size(); i++) {
                assertThat(loaded.get(i).toFloatArray()).isEqualTo(computed.get(LANGUAGES.get(i)));
            }
        }
    }

    @Test
    void aCorruptOrPartialEntryIsReportedDeletedAndRecomputed() throws IOException {
        Map<String, float[]> computed = embedAll(new ArrayList<>());
        List<Path> entries = entries();
        assertThat(entries).hasSize(3);
        try (FileChannel channel = FileChannel.open(entries.get(0), StandardOpenOption.WRITE)) {
            channel.truncate(channel.size() / 2);
        }
        byte[] flipped = Files.readAllBytes(entries.get(1));
        flipped[flipped.length / 2] ^= 0x10;
        Files.write(entries.get(1), flipped);
        List<String> lines = new ArrayList<>();
        Map<String, float[]> recovered = embedAll(lines);
        assertThat(lines).filteredOn(line -> line.startsWith("WARN Embeddings cache entry ")).hasSize(2)
                .anyMatch(line -> line.contains(entries.get(0).toString()) && line.contains("partial write"))
                .anyMatch(line -> line.contains(entries.get(1).toString()) && line.contains("checksum"))
                .allMatch(line -> line.endsWith("): deleted; recomputing it."));
        assertThat(lines).contains("Embeddings cache " + cache.directory() + ": 1 language loaded, 2 computed and"
                + " stored.");
        LANGUAGES.forEach(language -> assertThat(recovered.get(language)).containsExactly(computed.get(language)));
        List<String> again = new ArrayList<>();
        embedAll(again);
        assertThat(again).containsExactly("Embeddings cache " + cache.directory() + ": 3 languages loaded, 0"
                + " computed and stored.");
    }

    @Test
    void theKeyFollowsTheCorpusLinesTheMethodAndTheWeights() throws IOException {
        CacheKey original = key("deu_Latn", EmbeddingMethod.WEIGHTED_AVERAGE);
        assertThat(key("deu_Latn", EmbeddingMethod.WEIGHTED_AVERAGE)).isEqualTo(original);
        assertThat(key("fra_Latn", EmbeddingMethod.WEIGHTED_AVERAGE)).isNotEqualTo(original);
        assertThat(key("deu_Latn", EmbeddingMethod.LAST_TOKEN)).isNotEqualTo(original);
        assertThat(original.text()).contains("dtype=float32\n", "device=cpu\n", "embedding=weighted-average\n",
                "code=PyTorch ");

        Path german = corpus.resolve("deu_Latn.txt");
        List<String> lines = new ArrayList<>(Files.readAllLines(german));
        lines.set(5, lines.get(5) + " w1");
        Files.write(german, lines);
        assertThat(key("deu_Latn", EmbeddingMethod.WEIGHTED_AVERAGE)).isNotEqualTo(original);
        lines.set(5, lines.get(5).substring(0, lines.get(5).length() - 3));
        Files.write(german, lines);
        assertThat(key("deu_Latn", EmbeddingMethod.WEIGHTED_AVERAGE)).isEqualTo(original);

        Path weights = checkpoint.directory.resolve("model.safetensors");
        byte[] bytes = Files.readAllBytes(weights);
        bytes[bytes.length - 3] ^= 1;
        Files.write(weights, bytes);
        assertThat(key("deu_Latn", EmbeddingMethod.WEIGHTED_AVERAGE)).isNotEqualTo(original);
    }

    @Test
    void entriesNoRunUsedFor30DaysAndAbandonedWritesAreDeletedAfterARun() throws IOException {
        embedAll(new ArrayList<>());
        Path used = entries().get(0);
        Path unused = cache.directory().resolve("0".repeat(64) + ".emb");
        Path abandoned = cache.directory().resolve(".mexa-123.tmp");
        Path writing = cache.directory().resolve(".mexa-456.tmp");
        Path other = cache.directory().resolve("README.txt");
        for (Path file : List.of(unused, abandoned, writing, other)) {
            Files.write(file, new byte[1000]);
        }
        Instant now = Instant.now();
        age(used, now.minus(Duration.ofDays(40)));
        age(unused, now.minus(EmbeddingCache.UNUSED_LIFETIME).minus(Duration.ofHours(1)));
        age(abandoned, now.minus(Duration.ofHours(25)));
        age(other, now.minus(Duration.ofDays(400)));
        List<String> lines = new ArrayList<>();
        embedAll(lines);
        assertThat(lines).contains("Embeddings cache " + cache.directory() + ": deleted 2 files (0.0 MB) no run used"
                + " for 30 days, or left by a write 1 day ago that never finished.");
        assertThat(unused).doesNotExist();
        assertThat(abandoned).doesNotExist();
        assertThat(used).exists();
        assertThat(Files.getLastModifiedTime(used).toInstant()).isAfterOrEqualTo(now.minusSeconds(1));
        assertThat(writing).exists();
        assertThat(other).exists();
        assertThat(entries()).hasSize(3);
    }

    private static void age(Path file, Instant modified) throws IOException {
        Files.setLastModifiedTime(file, FileTime.from(modified));
    }

    @Test
    void concurrentWritersNeverExposeAHalfWrittenEntry() throws Exception {
        CacheKey key = key("deu_Latn", EmbeddingMethod.WEIGHTED_AVERAGE);
        List<String> warnings = Collections.synchronizedList(new ArrayList<>());
        MexaLog log = new RecordingLog(warnings);
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray embeddings = manager.randomUniform(-1, 1, new ai.djl.ndarray.types.Shape(4, 50, 256));
            float[] expected = embeddings.toFloatArray();
            List<Thread> threads = new ArrayList<>();
            List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
            for (int writer = 0; writer < 2; writer++) {
                threads.add(new Thread(() -> {
                    for (int i = 0; i < 20; i++) {
                        cache.store(key, embeddings);
                    }
                }));
            }
            threads.add(new Thread(() -> {
                for (int i = 0; i < 200; i++) {
                    try (NDManager scope = NDManager.newBaseManager()) {
                        NDArray loaded = cache.load(key, scope, log);
                        if (loaded != null && !java.util.Arrays.equals(loaded.toFloatArray(), expected)) {
                            failures.add(new AssertionError("read a different entry"));
                        }
                    }
                }
            }));
            threads.forEach(thread -> thread.setUncaughtExceptionHandler((t, e) -> failures.add(e)));
            threads.forEach(Thread::start);
            for (Thread thread : threads) {
                thread.join();
            }
            assertThat(failures).isEmpty();
            assertThat(warnings).isEmpty();
            assertThat(entries()).hasSize(1);
            try (NDManager scope = NDManager.newBaseManager()) {
                assertThat(cache.load(key, scope, log).toFloatArray()).containsExactly(expected);
            }
        }
    }

    private CacheKey key(String language, EmbeddingMethod method) {
        try (ModelEmbeddings source = new ModelEmbeddings(settings(method), MexaLog.silent())) {
            return source.cacheKey(language);
        }
    }

    private Map<String, float[]> embedAll(List<String> lines) {
        MexaLog log = recording(lines);
        ModelSettings settings = settings(EmbeddingMethod.WEIGHTED_AVERAGE);
        Map<String, float[]> result = new LinkedHashMap<>();
        ModelEmbeddings model = new ModelEmbeddings(settings, log);
        try (CachedEmbeddings source = new CachedEmbeddings(model, model::cacheKey, cache, log);
                NDManager manager = NDManager.newBaseManager()) {
            for (String language : LANGUAGES) {
                result.put(language, source.embed(language, manager).toFloatArray());
            }
        }
        return result;
    }

    private ModelSettings settings(EmbeddingMethod method) {
        return ModelSettings.builder().model(checkpoint.directory).corpus(corpus).sentences(6).method(method)
                .device(ComputeDevice.CPU).build();
    }

    private List<Path> entries() throws IOException {
        try (Stream<Path> files = Files.list(cache.directory())) {
            return files.filter(file -> file.toString().endsWith(".emb")).sorted().toList();
        }
    }

    private static MexaLog recording(List<String> lines) {
        return new RecordingLog(lines);
    }
}
