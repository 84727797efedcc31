package dev.mexa.core.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mexa.core.MexaException;
import dev.mexa.core.MexaLog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointCacheTest {

    private static final List<String> KEY = List.of("com.example", "tiny-model", "1.0", "tiny-model-1.0.jar");
    private static final String UNCHANGED = " (the archive's size and time are those it was hashed with)";

    @TempDir
    Path work;

    private final Lines lines = new Lines();
    private final MexaLog log = lines;

    private Path jar(String name, String config) throws IOException {
        Map<String, String> entries = new LinkedHashMap<>();
        entries.put("META-INF/MANIFEST.MF", "Manifest-Version: 1.0\n");
        entries.put("tiny/config.json", config);
        entries.put("tiny/tokenizer.json", "{}");
        return Archives.zip(work.resolve(name), entries);
    }

    @Test
    void unpacksOnceUnderTheKeyAndTheChecksumAndFindsTheCheckpointDirectory() throws IOException {
        Path jar = jar("model.jar", "{\"model_type\": \"llama\"}");
        CheckpointCache cache = new CheckpointCache(work.resolve("cache"));

        Path first = cache.checkpoint(jar, KEY, "the model", log);
        Path second = cache.checkpoint(jar, KEY, "the model", log);

        assertThat(first).isEqualTo(second).hasFileName("tiny");
        assertThat(first.resolve("config.json")).hasContent("{\"model_type\": \"llama\"}");
        assertThat(first.getParent().getParent())
                .isEqualTo(work.resolve("cache/com.example/tiny-model/1.0/tiny-model-1.0.jar"));
        assertThat(first.getParent().getFileName().toString()).matches("[0-9a-f]{64}");
        assertThat(lines).containsExactly("Unpacked the model into " + first.getParent(),
                "Using the model unpacked in " + first.getParent() + UNCHANGED);
    }

    @Test
    void anArchiveIsHashedAgainOnlyWhenItsSizeOrTimeChanged() throws IOException {
        Path jar = jar("model.jar", "{\"v\": 1}");
        CheckpointCache cache = new CheckpointCache(work.resolve("cache"));
        Path first = cache.checkpoint(jar, KEY, "the model", log);

        // re-installed with the same bytes: a new time, hashed again, the same copy
        Files.setLastModifiedTime(jar, FileTime.fromMillis(Files.getLastModifiedTime(jar).toMillis() + 5_000));
        assertThat(cache.checkpoint(jar, KEY, "the model", log)).isEqualTo(first);
        assertThat(cache.checkpoint(jar, KEY, "the model", log)).isEqualTo(first);

        assertThat(lines).containsExactly("Unpacked the model into " + first.getParent(),
                "Using the model unpacked in " + first.getParent(),
                "Using the model unpacked in " + first.getParent() + UNCHANGED);
    }

    @Test
    void aChangedArchiveAtTheSamePathIsUnpackedAnew() throws IOException {
        Path jar = jar("model.jar", "{\"v\": 1}");
        CheckpointCache cache = new CheckpointCache(work.resolve("cache"));
        FileTime time = Files.getLastModifiedTime(cache.checkpoint(jar, KEY, "the model", log).resolve("config.json"));

        jar("model.jar", "{\"v\": 22}");
        Files.setLastModifiedTime(jar, FileTime.fromMillis(time.toMillis() + 5_000));
        Path rebuilt = cache.checkpoint(jar, KEY, "the model", log);

        assertThat(rebuilt.resolve("config.json")).hasContent("{\"v\": 22}");
        assertThat(lines).hasSize(2).allMatch(line -> line.startsWith("Unpacked the model into "));
    }

    @Test
    void aCorruptedArchiveIsNotTakenForItsUnpackedCopy() throws IOException {
        Path jar = jar("model.jar", "{\"v\": 1}");
        CheckpointCache cache = new CheckpointCache(work.resolve("cache"));
        cache.checkpoint(jar, KEY, "the model", log);

        byte[] bytes = Files.readAllBytes(jar);
        Files.write(jar, java.util.Arrays.copyOf(bytes, bytes.length / 2));

        assertThatThrownBy(() -> cache.checkpoint(jar, KEY, "the model", log)).isInstanceOf(MexaException.class)
                .hasMessageContaining("the model");
    }

    @Test
    void anUnreadableStampIsIgnoredAndTheArchiveHashed() throws IOException {
        Path jar = jar("model.jar", "{\"v\": 1}");
        CheckpointCache cache = new CheckpointCache(work.resolve("cache"));
        Path first = cache.checkpoint(jar, KEY, "the model", log);

        Files.writeString(first.getParent().resolveSibling(ArchiveStamp.FILE_NAME), "sha256=not a checksum\n");

        assertThat(cache.checkpoint(jar, KEY, "the model", log)).isEqualTo(first);
        assertThat(lines).last().isEqualTo("Using the model unpacked in " + first.getParent());
    }

    @Test
    void anArchiveWithOtherContentUnderTheSameKeyGetsItsOwnDirectory() throws IOException {
        CheckpointCache cache = new CheckpointCache(work.resolve("cache"));

        Path first = cache.checkpoint(jar("a.jar", "{\"v\": 1}"), KEY, "the model", log);
        Path rebuilt = cache.checkpoint(jar("b.jar", "{\"v\": 2}"), KEY, "the model", log);

        assertThat(rebuilt).isNotEqualTo(first);
        assertThat(rebuilt.resolve("config.json")).hasContent("{\"v\": 2}");
        assertThat(first.resolve("config.json")).hasContent("{\"v\": 1}");
    }

    @Test
    void aCheckpointAtTheArchiveRootIsUsedInPlace() throws IOException {
        Path zip = Archives.zip(work.resolve("flat.zip"), Map.of("config.json", "{}", "tokenizer.json", "{}"));

        Path checkpoint = new CheckpointCache(work.resolve("cache")).checkpoint(zip, KEY, "the model", log);

        assertThat(checkpoint.resolve("config.json")).isRegularFile();
        assertThat(checkpoint.getFileName().toString()).matches("[0-9a-f]{64}");
    }

    @Test
    void anArchiveWithoutACheckpointFailsAndLeavesNothingInTheCache() throws IOException {
        Path zip = Archives.zip(work.resolve("empty.zip"), Map.of("a/readme.txt", "x", "b/readme.txt", "y"));
        CheckpointCache cache = new CheckpointCache(work.resolve("cache"));

        assertThatThrownBy(() -> cache.checkpoint(zip, KEY, "the model", log)).isInstanceOf(MexaException.class)
                .hasMessage("the model holds no config.json at its root or in a single top-level directory: package"
                        + " the checkpoint directory (config.json, model.safetensors, tokenizer.json) as the"
                        + " archive's root or as its only directory.");
        try (Stream<Path> left = Files.walk(work.resolve("cache"))) {
            assertThat(left.filter(Files::isRegularFile)).isEmpty();
        }
    }

    @Test
    void keySegmentsCannotLeaveTheCache() throws IOException {
        Path jar = jar("model.jar", "{}");

        Path checkpoint = new CheckpointCache(work.resolve("cache"))
                .checkpoint(jar, List.of("..", "a/b", "c"), "the model", log);

        assertThat(checkpoint).startsWith(work.resolve("cache/_../a_b/c"));
    }

    @Test
    void concurrentBuildsShareOneCompleteCopy() throws Exception {
        Path jar = jar("model.jar", "{\"model_type\": \"llama\"}");
        Callable<Path> build = () -> new CheckpointCache(work.resolve("cache")).checkpoint(jar, KEY, "the model",
                MexaLog.silent());
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Path>> runs = pool.invokeAll(List.of(build, build, build, build));
            Path first = runs.get(0).get();
            for (Future<Path> run : runs) {
                assertThat(run.get()).isEqualTo(first);
            }
            assertThat(first.resolve("config.json")).hasContent("{\"model_type\": \"llama\"}");
            try (Stream<Path> siblings = Files.list(first.getParent().getParent())) {
                assertThat(siblings).containsExactlyInAnyOrder(first.getParent(),
                        first.getParent().resolveSibling(ArchiveStamp.FILE_NAME));
            }
        } finally {
            pool.shutdown();
        }
    }

    /** The info lines, in order; a warning fails the test. */
    private static final class Lines extends ArrayList<String> implements MexaLog {

        @Override
        public void info(String message) {
            add(message);
        }

        @Override
        public void warn(String message) {
            throw new AssertionError("unexpected warning: " + message);
        }
    }
}
