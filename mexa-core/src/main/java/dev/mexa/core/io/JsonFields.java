package dev.mexa.core.io;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import dev.mexa.core.MexaException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Reads the fields of a JSON object parsed by {@link StrictJson} by type: objects, strings, booleans, whole numbers
 * and arrays, so that a value of another type (or a required one missing) is one {@link MexaException} naming the
 * field, never a Java class-cast or null-pointer text. How that error is worded (the file, the fix) is the caller's
 * {@link Problem}; a reader of one format extends this class with the rules of its own values.
 */
public class JsonFields {

    /** How a reader words a field that does not hold what it should. */
    @FunctionalInterface
    public interface Problem {

        /**
         * @param path the field, as the error names it, e.g. {@code languages.deu_Latn.sentences}
         * @param value what it holds, {@code null} when it is missing
         * @param expected what it should hold, e.g. {@code "a string"}
         * @return the error
         */
        MexaException of(String path, JsonElement value, String expected);
    }

    private final Problem problem;

    /** @param problem how errors are worded */
    public JsonFields(Problem problem) {
        this.problem = problem;
    }

    /**
     * @param parent the object holding the field
     * @param key the field's key in {@code parent}
     * @param path the field, for errors
     * @return the object
     */
    public final JsonObject object(JsonObject parent, String key, String path) {
        JsonElement value = parent.get(key);
        if (value == null || !value.isJsonObject()) {
            throw wrong(path, value, "an object");
        }
        return value.getAsJsonObject();
    }

    /**
     * @param parent the object holding the field
     * @param key the field's key in {@code parent}
     * @param path the field, for errors
     * @param required whether a missing or null value is an error
     * @return the text, or null when the key is absent or null and not required
     */
    public final String text(JsonObject parent, String key, String path, boolean required) {
        JsonPrimitive text = primitive(parent, key, path, required, JsonPrimitive::isString, "a string");
        return text == null ? null : text.getAsString();
    }

    /**
     * @param parent the object holding the field
     * @param key the field's key in {@code parent}
     * @param path the field, for errors
     * @param required whether a missing or null value is an error
     * @return the boolean, or false when the key is absent or null and not required
     */
    public final boolean flag(JsonObject parent, String key, String path, boolean required) {
        JsonPrimitive flag = primitive(parent, key, path, required, JsonPrimitive::isBoolean, "true or false");
        return flag != null && flag.getAsBoolean();
    }

    /**
     * @param parent the object holding the field
     * @param key the field's key in {@code parent}, required
     * @param path the field, for errors
     * @return any whole number that fits an {@code int}; its range is the caller's to check
     */
    public final int integer(JsonObject parent, String key, String path) {
        return (int) exact(parent.get(key), path, Integer.MIN_VALUE, Integer.MAX_VALUE, "a whole number");
    }

    /**
     * @param value a present value
     * @param path the field, for errors
     * @param least the smallest accepted
     * @param most the largest accepted
     * @return the whole number, written with or without a fraction or exponent ({@code 40}, {@code 4e1})
     */
    public final long whole(JsonElement value, String path, long least, long most) {
        return exact(value, path, least, most, "a whole number of at least " + least);
    }

    /**
     * @param parent the object holding the field
     * @param key the field's key in {@code parent}
     * @param path the field, for errors
     * @param required whether a missing or null value is an error
     * @return the array's items, empty when the key is absent or null and not required
     */
    public final List<JsonElement> array(JsonObject parent, String key, String path, boolean required) {
        JsonElement value = parent.get(key);
        if (absent(value) && !required) {
            return List.of();
        }
        if (!(value instanceof JsonArray array)) {
            throw wrong(path, value, "an array");
        }
        return array.asList();
    }

    /**
     * @param parent the object holding the field
     * @param key the field's key in {@code parent}
     * @param path the field, for errors; an item is named {@code path[index]}
     * @param required whether a missing or null value is an error
     * @return the array's strings, empty when the key is absent or null and not required
     */
    public final List<String> texts(JsonObject parent, String key, String path, boolean required) {
        List<JsonElement> items = array(parent, key, path, required);
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            if (!(items.get(i) instanceof JsonPrimitive primitive) || !primitive.isString()) {
                throw wrong(path + "[" + i + "]", items.get(i), "a string");
            }
            texts.add(primitive.getAsString());
        }
        return texts;
    }

    /**
     * @param value a field's value, {@code null} when the key is absent
     * @return whether it is absent or JSON {@code null}
     */
    public static boolean absent(JsonElement value) {
        return value == null || value.isJsonNull();
    }

    /**
     * @param path the field
     * @param value what it holds, {@code null} when missing
     * @param expected what it should hold
     * @return the error, worded by this reader's {@link Problem}
     */
    protected final MexaException wrong(String path, JsonElement value, String expected) {
        return problem.of(path, value, expected);
    }

    /** @return the primitive of the wanted kind, or null when the key is absent or null and not required */
    private JsonPrimitive primitive(JsonObject parent, String key, String path, boolean required,
            Predicate<JsonPrimitive> kind, String expected) {
        JsonElement value = parent.get(key);
        if (absent(value) && !required) {
            return null;
        }
        if (!(value instanceof JsonPrimitive primitive) || !kind.test(primitive)) {
            throw wrong(path, value, expected);
        }
        return primitive;
    }

    private long exact(JsonElement value, String path, long least, long most, String expected) {
        if (!(value instanceof JsonPrimitive primitive) || !primitive.isNumber()) {
            throw wrong(path, value, expected);
        }
        try {
            long whole = new BigDecimal(primitive.getAsString()).longValueExact();
            if (whole < least || whole > most) {
                throw wrong(path, value, expected);
            }
            return whole;
        } catch (ArithmeticException | NumberFormatException e) {
            throw wrong(path, value, expected);
        }
    }
}
