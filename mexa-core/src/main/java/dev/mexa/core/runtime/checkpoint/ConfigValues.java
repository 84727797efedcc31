package dev.mexa.core.runtime.checkpoint;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.mexa.core.MexaException;
import java.nio.file.Path;

/** Typed access to the keys of a {@code config.json}, with errors naming the file and the key. */
final class ConfigValues {

    private final Path file;
    private final JsonObject root;

    ConfigValues(Path file, JsonObject root) {
        this.file = file;
        this.root = root;
    }

    private JsonElement value(String key) {
        JsonElement element = root.get(key);
        return element == null || element.isJsonNull() ? null : element;
    }

    String string(String key) {
        JsonElement element = value(key);
        if (element == null) {
            throw missing(key);
        }
        return element.getAsString();
    }

    int positive(String key) {
        if (value(key) == null) {
            throw missing(key);
        }
        return positive(key, 0);
    }

    int positive(String key, int fallback) {
        JsonElement element = value(key);
        if (element == null) {
            return fallback;
        }
        try {
            int number = element.getAsInt();
            if (number <= 0) {
                throw new NumberFormatException("not positive");
            }
            return number;
        } catch (NumberFormatException | UnsupportedOperationException | IllegalStateException e) {
            throw new MexaException("Model config " + file + ": '" + key + "' is " + element
                    + "; expected a positive integer.", e);
        }
    }

    double number(String key, double fallback) {
        JsonElement element = value(key);
        return element == null ? fallback : asNumber(key, element);
    }

    private double asNumber(String key, JsonElement element) {
        try {
            return element.getAsDouble();
        } catch (NumberFormatException | UnsupportedOperationException | IllegalStateException e) {
            throw new MexaException("Model config " + file + ": '" + key + "' is " + element + "; expected a number.",
                    e);
        }
    }

    boolean flag(String key, boolean fallback) {
        JsonElement element = value(key);
        return element == null ? fallback : element.getAsBoolean();
    }

    void requireValue(String key, String supported) {
        JsonElement element = value(key);
        if (element != null && !element.getAsString().equals(supported)) {
            throw new MexaException("Model config " + file + ": " + key + " '" + element.getAsString()
                    + "' is not supported; this runtime implements '" + supported + "'.");
        }
    }

    RopeSettings rope() {
        double theta = number("rope_theta", 10000.0);
        JsonElement scaling = value("rope_scaling");
        if (scaling == null) {
            return RopeSettings.plain(theta);
        }
        JsonObject object = scaling.getAsJsonObject();
        JsonElement typeElement = object.has("rope_type") ? object.get("rope_type") : object.get("type");
        String type = typeElement == null || typeElement.isJsonNull() ? "default" : typeElement.getAsString();
        if (type.equals("default")) {
            return RopeSettings.plain(theta);
        }
        if (!type.equals("llama3")) {
            throw new MexaException("Model config " + file + ": rope_scaling type '" + type + "' is not supported;"
                    + " this runtime implements 'llama3' (and unscaled rotary embeddings).");
        }
        ConfigValues inner = new ConfigValues(file, object);
        return new RopeSettings(theta, true, inner.required("factor"), inner.required("low_freq_factor"),
                inner.required("high_freq_factor"), inner.required("original_max_position_embeddings"));
    }

    private double required(String key) {
        JsonElement element = value(key);
        if (element == null) {
            throw missing("rope_scaling." + key);
        }
        return asNumber(key, element);
    }

    private MexaException missing(String key) {
        return new MexaException("Model config " + file + " lacks '" + key + "': re-download the checkpoint's"
                + " config.json.");
    }
}
