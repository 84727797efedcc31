package dev.mexa.core.runtime.checkpoint;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import dev.mexa.core.MexaException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads a checkpoint's {@code config.json} into a JSON tree: the one place its text is parsed. */
final class ConfigJson {

    private ConfigJson() {
    }

    /**
     * @param file a {@code config.json}
     * @return its root object
     * @throws MexaException naming the file when it is missing, unreadable, malformed or not an object
     */
    static JsonObject read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new MexaException("Model directory " + file.getParent() + " has no " + file.getFileName()
                    + ": point model (mexa.model) at a HuggingFace checkpoint directory (config.json,"
                    + " *.safetensors, tokenizer.json).", e);
        } catch (IOException e) {
            throw new MexaException("Cannot read model config " + file + ": " + e.getMessage()
                    + ". Re-download the checkpoint.", e);
        }
        JsonElement root;
        try {
            root = JsonParser.parseString(text);
        } catch (JsonParseException e) {
            throw new MexaException("Cannot read model config " + file + ": " + e.getMessage()
                    + ". Re-download the checkpoint.", e);
        }
        if (!root.isJsonObject()) {
            throw new MexaException("Model config " + file + " is not a JSON object: re-download the checkpoint.");
        }
        return root.getAsJsonObject();
    }
}
