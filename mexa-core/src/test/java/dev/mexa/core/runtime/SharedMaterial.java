package dev.mexa.core.runtime;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The project's shared third-party test material ({@code ../shared}); tests skip when it is absent, and the first
 * to skip says why on the console, once per test JVM.
 */
final class SharedMaterial {

    private static final AtomicBoolean ABSENCE_TOLD = new AtomicBoolean();

    private SharedMaterial() {
    }

    /**
     * @param relative a path inside the shared directory
     * @return it, when present; otherwise the calling test is skipped
     */
    static Path require(String relative) {
        String root = System.getProperty("mexa.shared.dir");
        assumeTrue(root != null && !root.isBlank(), "mexa.shared.dir is not set");
        Path path = Path.of(root).resolve(relative);
        if (!Files.exists(path)) {
            absenceNotice(Path.of(root), ABSENCE_TOLD).ifPresent(System.out::println);
        }
        assumeTrue(Files.exists(path), path + " is absent");
        return path;
    }

    /**
     * @param root the shared directory
     * @param told whether the notice was given already; set by this call
     * @return the notice the first time, then empty
     */
    static Optional<String> absenceNotice(Path root, AtomicBoolean told) {
        if (told.getAndSet(true)) {
            return Optional.empty();
        }
        String what = Files.isDirectory(root) ? root + " lacks some of the shared test material"
                : "The shared test material " + root.normalize() + " is absent (a fresh clone has no ../shared)";
        return Optional.of("[mexa] " + what + ": the tests that compare with third-party references (HF reference"
                + " outputs, tiny-random checkpoints, tokenizer ids, FLORES-200) are skipped; set -Dmexa.shared.dir"
                + " to run them.");
    }

    /** @param file a JSON file @return its root object */
    static JsonObject json(Path file) {
        try {
            return JsonParser.parseString(Files.readString(file)).getAsJsonObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @param array nested JSON arrays of numbers @return the numbers, flattened in order */
    static double[] numbers(JsonElement array) {
        java.util.List<Double> values = new java.util.ArrayList<>();
        collect(array, values);
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static void collect(JsonElement element, java.util.List<Double> values) {
        if (element.isJsonArray()) {
            for (JsonElement item : (JsonArray) element) {
                collect(item, values);
            }
        } else {
            values.add(element.getAsDouble());
        }
    }

    /** @param array nested JSON arrays of integers @return them flattened, as longs */
    static long[] ids(JsonElement array) {
        return java.util.Arrays.stream(numbers(array)).mapToLong(value -> (long) value).toArray();
    }
}
