package dev.mexa.core.runtime.checkpoint;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.mexa.core.MexaException;
import dev.mexa.core.io.StrictJson;
import java.nio.file.Files;
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
        if (Files.notExists(file)) {
            throw new MexaException("Model directory " + file.getParent() + " has no " + file.getFileName()
                    + ": point model (mexa.model) at a HuggingFace checkpoint directory (config.json,"
                    + " *.safetensors, tokenizer.json).");
        }
        JsonElement root = StrictJson.read(file, "model config", "Re-download the checkpoint.");
        if (!root.isJsonObject()) {
            throw new MexaException("Model config " + file + " is not a JSON object: re-download the checkpoint.");
        }
        return root.getAsJsonObject();
    }
}
