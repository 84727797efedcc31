package dev.mexa.core.runtime;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.mexa.core.MexaException;
import dev.mexa.core.io.StrictJson;
import java.nio.file.Path;
import java.util.Map;

/**
 * Checks a {@code tokenizer.json} before the native tokenizer reads it: strict JSON (the native reader lets a
 * duplicate key win silently), and every special token a {@code TemplateProcessing} post-processor places is
 * defined with as many ids as tokens. The native library does not check the latter when it reads the file and
 * aborts the whole JVM when it meets such a template while encoding.
 */
final class TokenizerFileCheck {

    private static final String REMEDY = "Re-download the checkpoint's tokenizer.json.";

    private TokenizerFileCheck() {
    }

    /**
     * @param file a checkpoint's tokenizer.json
     * @throws MexaException naming the file and what is wrong with it
     */
    static void check(Path file) {
        checkTemplates(file, StrictJson.read(file, "tokenizer", REMEDY));
    }

    private static void checkTemplates(Path file, JsonElement element) {
        if (element.isJsonArray()) {
            element.getAsJsonArray().forEach(item -> checkTemplates(file, item));
        } else if (element.isJsonObject()) {
            JsonObject object = element.getAsJsonObject();
            JsonElement type = object.get("type");
            if (type != null && type.isJsonPrimitive() && "TemplateProcessing".equals(type.getAsString())) {
                checkTemplate(file, object);
            }
            object.entrySet().forEach(entry -> checkTemplates(file, entry.getValue()));
        }
    }

    private static void checkTemplate(Path file, JsonObject template) {
        JsonElement special = template.get("special_tokens");
        if (special == null || !special.isJsonObject()) {
            throw invalid(file, "its TemplateProcessing post-processor has no 'special_tokens' object");
        }
        JsonObject tokens = special.getAsJsonObject();
        for (Map.Entry<String, JsonElement> entry : tokens.entrySet()) {
            JsonElement value = entry.getValue();
            JsonArray ids = arrayOf(value, "ids");
            JsonArray texts = arrayOf(value, "tokens");
            if (ids == null || texts == null || ids.size() != texts.size()) {
                throw invalid(file, "special token '" + entry.getKey() + "' of its TemplateProcessing post-processor"
                        + " needs 'ids' and 'tokens' arrays of the same length");
            }
        }
        for (String key : new String[] {"single", "pair"}) {
            JsonElement pieces = template.get(key);
            if (pieces == null || !pieces.isJsonArray()) {
                throw invalid(file, "its TemplateProcessing post-processor has no '" + key + "' template");
            }
            for (JsonElement piece : pieces.getAsJsonArray()) {
                JsonElement token = piece.isJsonObject() ? piece.getAsJsonObject().get("SpecialToken") : null;
                JsonElement id = token != null && token.isJsonObject() ? token.getAsJsonObject().get("id") : null;
                if (token != null && (id == null || !id.isJsonPrimitive() || !tokens.has(id.getAsString()))) {
                    throw invalid(file, "its TemplateProcessing post-processor places special token " + id
                            + " that its 'special_tokens' do not define");
                }
            }
        }
    }

    private static JsonArray arrayOf(JsonElement value, String key) {
        if (!value.isJsonObject()) {
            return null;
        }
        JsonElement array = value.getAsJsonObject().get(key);
        return array != null && array.isJsonArray() ? array.getAsJsonArray() : null;
    }

    private static MexaException invalid(Path file, String detail) {
        return new MexaException("Tokenizer " + file + " is not usable: " + detail + ". " + REMEDY);
    }
}
