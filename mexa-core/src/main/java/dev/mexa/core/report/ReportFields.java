package dev.mexa.core.report;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import dev.mexa.core.MexaException;
import dev.mexa.core.gate.Fraction;
import dev.mexa.core.io.JsonFields;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the fields of a parsed {@code mexa-report.json} by type, so that a baseline with a score of 1.7, a string
 * where a number belongs or an unknown verdict is one error naming the file and the field, never a Java class-cast
 * or null-pointer text and never a gate compared with garbage. The typed reads are {@link JsonFields}'; the report's
 * own are its counts and durations with their defaults, scores in [0, 1], verdicts and violated rules.
 */
final class ReportFields extends JsonFields {

    private static final int SHOWN_VALUE_CHARS = 40;

    /**
     * @param file the report, named in errors
     * @param fix the sentence that ends every error
     */
    ReportFields(Path file, String fix) {
        super((path, value, expected) -> new MexaException(file + " is not a valid MEXA report: '" + path + "' "
                + (value == null ? "missing" : "is " + shorten(value.toString())) + "; expected " + expected + ". "
                + fix));
    }

    /** @return a whole number from {@code least} to {@code Integer.MAX_VALUE}, or {@code fallback} when absent */
    int count(JsonObject parent, String key, String path, int least, int fallback) {
        JsonElement value = parent.get(key);
        if (absent(value)) {
            return fallback;
        }
        return (int) whole(value, path, least, Integer.MAX_VALUE);
    }

    /** @return a whole number of at least 0, or 0 when absent */
    long duration(JsonObject parent, String key, String path) {
        JsonElement value = parent.get(key);
        return absent(value) ? 0 : whole(value, path, 0, Long.MAX_VALUE);
    }

    double fraction(JsonObject parent, String key, String path) {
        Double value = optionalFraction(parent, key, path);
        if (value == null) {
            throw wrong(path, parent.get(key), "a score in [0, 1]");
        }
        return value;
    }

    /** @return a finite number in [0, 1], or null when the key is absent or null */
    Double optionalFraction(JsonObject parent, String key, String path) {
        JsonElement value = parent.get(key);
        return absent(value) ? null : fraction(value, path);
    }

    double[] fractions(JsonObject parent, String key, String path) {
        List<JsonElement> items = array(parent, key, path, false);
        double[] values = new double[items.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = fraction(items.get(i), path + "[" + i + "]");
        }
        return values;
    }

    /** @return key to score in [0, 1], empty when the key is absent */
    Map<String, Double> fractionsByKey(JsonObject parent, String key, String path) {
        Map<String, Double> values = new LinkedHashMap<>();
        if (absent(parent.get(key))) {
            return values;
        }
        object(parent, key, path).entrySet()
                .forEach(entry -> values.put(entry.getKey(), fraction(entry.getValue(), path + "." + entry.getKey())));
        return values;
    }

    /** @return the rules named by their ids, empty when the key is absent (a report recorded before they were) */
    Set<ViolatedRule> violatedRules(JsonObject parent, String key, String path) {
        List<JsonElement> items = array(parent, key, path, false);
        Set<ViolatedRule> rules = EnumSet.noneOf(ViolatedRule.class);
        for (int i = 0; i < items.size(); i++) {
            JsonElement item = items.get(i);
            String itemPath = path + "[" + i + "]";
            ViolatedRule rule = item instanceof JsonPrimitive primitive && primitive.isString()
                    ? ViolatedRule.of(primitive.getAsString()).orElse(null) : null;
            if (rule == null || !rules.add(rule)) {
                throw wrong(itemPath, item, "one of " + Arrays.stream(ViolatedRule.values()).map(ViolatedRule::id)
                        .toList() + ", each once");
            }
        }
        return rules;
    }

    Verdict verdict(JsonObject parent, String key, String path) {
        String name = text(parent, key, path, false);
        if (name == null) {
            return Verdict.NOT_GATED;
        }
        return Arrays.stream(Verdict.values()).filter(verdict -> verdict.name().equals(name)).findFirst()
                .orElseThrow(() -> wrong(path, parent.get(key), "one of " + Arrays.toString(Verdict.values())));
    }

    private double fraction(JsonElement value, String path) {
        if (value instanceof JsonPrimitive primitive && primitive.isNumber()) {
            double number = primitive.getAsDouble();
            if (Double.isFinite(number) && Fraction.inRange(number)) {
                return number;
            }
        }
        throw wrong(path, value, "a score in [0, 1]");
    }

    private static String shorten(String text) {
        return text.length() <= SHOWN_VALUE_CHARS ? text : text.substring(0, SHOWN_VALUE_CHARS) + "...";
    }
}
