package dev.mexa.core.runtime.checkpoint;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import dev.mexa.core.MexaException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Strictly typed access to the keys of a {@code config.json} (or of one of its nested objects): a number must be a
 * JSON number (never the string {@code "16"}), a flag a JSON boolean, a string a JSON string; counts must be
 * positive integers and real parameters finite. A JSON {@code null} counts as absent, as in HuggingFace's configs.
 * Every error names the file and the key.
 */
public final class ConfigReader {

    private final Path file;
    private final JsonObject object;
    private final String path;

    private ConfigReader(Path file, JsonObject object, String path) {
        this.file = file;
        this.object = object;
        this.path = path;
    }

    /**
     * @param checkpoint a checkpoint directory
     * @return a reader of its {@code config.json}
     * @throws MexaException naming the file when it is missing, unreadable or not a JSON object
     */
    public static ConfigReader of(Path checkpoint) {
        Path file = checkpoint.resolve(ModelConfig.FILE_NAME);
        return new ConfigReader(file, ConfigJson.read(file), "");
    }

    /** @return the {@code config.json} this reads */
    public Path file() {
        return file;
    }

    /**
     * @param key a key
     * @return whether it is present and not {@code null}
     */
    public boolean has(String key) {
        return value(key) != null;
    }

    /**
     * @param key a key
     * @return whether it is present with the value {@code null} (for the few keys where HF's class default differs
     *     from {@code None}, such as gemma2's {@code attn_logit_softcapping} and {@code sliding_window})
     */
    public boolean isNull(String key) {
        JsonElement element = object.get(key);
        return element != null && element.isJsonNull();
    }

    /**
     * @param key a required string key
     * @return its value
     */
    public String string(String key) {
        return optionalString(key).orElseThrow(() -> missing(key));
    }

    /**
     * @param key an optional string key
     * @return its value, if present
     */
    public Optional<String> optionalString(String key) {
        JsonElement element = value(key);
        if (element == null) {
            return Optional.empty();
        }
        if (!(element instanceof JsonPrimitive primitive) || !primitive.isString()) {
            throw wrong(key, element, "a string");
        }
        return Optional.of(primitive.getAsString());
    }

    /**
     * @param key an optional string key
     * @param expected the only value this runtime implements
     * @throws MexaException when the key holds another value
     */
    public void requireIfPresent(String key, String expected) {
        optionalString(key).filter(value -> !value.equals(expected)).ifPresent(value -> {
            throw invalid(key, "'" + value + "' is not supported; this runtime implements '" + expected + "'");
        });
    }

    /**
     * @param key a required count (layers, heads, sizes)
     * @return its value, a positive integer
     */
    public int count(String key) {
        return optionalCount(key).orElseThrow(() -> missing(key));
    }

    /**
     * @param key an optional count
     * @param fallback the value when absent
     * @return its value, a positive integer, or the fallback
     */
    public int count(String key, int fallback) {
        return optionalCount(key).orElse(fallback);
    }

    /**
     * @param key an optional count
     * @return its value, a positive integer, if present
     */
    public OptionalInt optionalCount(String key) {
        JsonElement element = value(key);
        if (element == null) {
            return OptionalInt.empty();
        }
        BigDecimal number = numberOf(key, element, "a positive integer");
        if (number.signum() <= 0 || number.stripTrailingZeros().scale() > 0
                || number.compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) > 0) {
            throw wrong(key, element, "a positive integer");
        }
        return OptionalInt.of(number.intValueExact());
    }

    /**
     * @param key an optional real parameter that must be positive (an epsilon, a base, a factor)
     * @param fallback the value when absent
     * @return its value, finite and positive, or the fallback
     */
    public double positive(String key, double fallback) {
        return optionalPositive(key).orElse(fallback);
    }

    /**
     * @param key a required real parameter that must be positive
     * @return its value, finite and positive
     */
    public double positive(String key) {
        return optionalPositive(key).orElseThrow(() -> missing(key));
    }

    /**
     * @param key an optional real parameter that must be positive
     * @return its value, finite and positive, if present
     */
    public Optional<Double> optionalPositive(String key) {
        JsonElement element = value(key);
        if (element == null) {
            return Optional.empty();
        }
        double number = finite(key, element, "a positive number");
        if (number <= 0) {
            throw wrong(key, element, "a positive number");
        }
        return Optional.of(number);
    }

    /**
     * @param key a required list of positive numbers
     * @param length the length it must have
     * @return its values
     */
    public double[] positiveList(String key, int length) {
        String expected = "a list of " + length + " positive numbers";
        JsonArray array = list(key, length, expected);
        double[] values = new double[length];
        for (int i = 0; i < length; i++) {
            values[i] = finite(key, array.get(i), expected);
            if (values[i] <= 0) {
                throw wrong(key, array, expected);
            }
        }
        return values;
    }

    /**
     * @param key a required list of strings ({@code layer_types}, say)
     * @param length the length it must have
     * @return its values
     */
    public List<String> stringList(String key, int length) {
        String expected = "a list of " + length + " strings";
        List<String> values = new ArrayList<>();
        for (JsonElement item : list(key, length, expected)) {
            if (!(item instanceof JsonPrimitive primitive) || !primitive.isString()) {
                throw wrong(key, value(key), expected);
            }
            values.add(primitive.getAsString());
        }
        return values;
    }

    private JsonArray list(String key, int length, String expected) {
        JsonElement element = value(key);
        if (element == null) {
            throw missing(key);
        }
        if (!(element instanceof JsonArray array) || array.size() != length) {
            throw wrong(key, element, expected);
        }
        return array;
    }

    /**
     * @param key an optional flag
     * @param fallback the value when absent
     * @return its value
     */
    public boolean flag(String key, boolean fallback) {
        JsonElement element = value(key);
        if (element == null) {
            return fallback;
        }
        if (!(element instanceof JsonPrimitive primitive) || !primitive.isBoolean()) {
            throw wrong(key, element, "true or false");
        }
        return primitive.getAsBoolean();
    }

    /**
     * @param key an optional nested object ({@code rope_scaling}, say)
     * @return a reader of it whose errors name {@code key.inner}, if present
     */
    public Optional<ConfigReader> object(String key) {
        JsonElement element = value(key);
        if (element == null) {
            return Optional.empty();
        }
        if (!element.isJsonObject()) {
            throw wrong(key, element, "a JSON object");
        }
        return Optional.of(new ConfigReader(file, element.getAsJsonObject(), path + key + "."));
    }

    /**
     * @param key the key at fault
     * @param problem what is wrong with it and, where it helps, what would be right
     * @return an error naming the file and the key
     */
    public MexaException invalid(String key, String problem) {
        return new MexaException("Model config " + file + ": '" + path + key + "' " + problem
                + "; fix or re-download the checkpoint's config.json.");
    }

    private JsonElement value(String key) {
        JsonElement element = object.get(key);
        return element == null || element.isJsonNull() ? null : element;
    }

    private double finite(String key, JsonElement element, String expected) {
        double number = numberOf(key, element, expected).doubleValue();
        if (!Double.isFinite(number)) {
            throw wrong(key, element, expected);
        }
        return number;
    }

    private BigDecimal numberOf(String key, JsonElement element, String expected) {
        if (!(element instanceof JsonPrimitive primitive) || !primitive.isNumber()) {
            throw wrong(key, element, expected);
        }
        try {
            return new BigDecimal(primitive.getAsString());
        } catch (NumberFormatException e) {
            // NaN or Infinity, which a lenient parser lets through
            throw wrong(key, element, expected);
        }
    }

    private MexaException wrong(String key, JsonElement element, String expected) {
        return invalid(key, "is " + element + "; expected " + expected);
    }

    private MexaException missing(String key) {
        return new MexaException("Model config " + file + " lacks '" + path + key + "': re-download the checkpoint's"
                + " config.json.");
    }
}
