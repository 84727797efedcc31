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

/** The project's shared third-party test material ({@code ../shared}); tests skip when it is absent. */
final class SharedMaterial {

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
        assumeTrue(Files.exists(path), path + " is absent");
        return path;
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
