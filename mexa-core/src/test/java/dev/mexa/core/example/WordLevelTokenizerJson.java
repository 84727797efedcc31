package dev.mexa.core.example;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.List;

/**
 * Builds a HuggingFace {@code tokenizer.json} for a word-level vocabulary split on whitespace, with an unknown
 * token and, optionally, a beginning-of-sequence token the tokenizer adds by default (as Llama's does). Generated
 * example and test checkpoints use it so that every token maps to a known embedding row.
 */
public final class WordLevelTokenizerJson {

    private WordLevelTokenizerJson() {
    }

    /**
     * @param vocabulary tokens in id order; must contain {@code unknown} and, when given, {@code bos}
     * @param unknown the unknown-word token, e.g. {@code <unk>}
     * @param bos the token added before every sequence, e.g. {@code <s>}, or {@code null} for none
     * @return the JSON text
     */
    public static String build(List<String> vocabulary, String unknown, String bos) {
        JsonObject root = new JsonObject();
        root.addProperty("version", "1.0");
        root.add("truncation", null);
        root.add("padding", null);
        JsonArray added = new JsonArray();
        for (String special : bos == null ? List.of(unknown) : List.of(unknown, bos)) {
            JsonObject token = new JsonObject();
            token.addProperty("id", vocabulary.indexOf(special));
            token.addProperty("content", special);
            token.addProperty("single_word", false);
            token.addProperty("lstrip", false);
            token.addProperty("rstrip", false);
            token.addProperty("normalized", false);
            token.addProperty("special", true);
            added.add(token);
        }
        root.add("added_tokens", added);
        root.add("normalizer", null);
        JsonObject preTokenizer = new JsonObject();
        preTokenizer.addProperty("type", "WhitespaceSplit");
        root.add("pre_tokenizer", preTokenizer);
        root.add("post_processor", bos == null ? null : bosTemplate(bos, vocabulary.indexOf(bos)));
        root.add("decoder", null);
        JsonObject model = new JsonObject();
        model.addProperty("type", "WordLevel");
        JsonObject vocab = new JsonObject();
        for (int id = 0; id < vocabulary.size(); id++) {
            vocab.addProperty(vocabulary.get(id), id);
        }
        model.add("vocab", vocab);
        model.addProperty("unk_token", unknown);
        root.add("model", model);
        return new GsonBuilder().serializeNulls().setPrettyPrinting().create().toJson(root);
    }

    private static JsonObject bosTemplate(String bos, int bosId) {
        JsonObject processor = new JsonObject();
        processor.addProperty("type", "TemplateProcessing");
        processor.add("single", template(bos, "A"));
        JsonArray pair = template(bos, "A");
        pair.addAll(template(bos, "B"));
        processor.add("pair", pair);
        JsonObject special = new JsonObject();
        JsonObject entry = new JsonObject();
        entry.addProperty("id", bos);
        JsonArray ids = new JsonArray();
        ids.add(bosId);
        entry.add("ids", ids);
        JsonArray tokens = new JsonArray();
        tokens.add(bos);
        entry.add("tokens", tokens);
        special.add(bos, entry);
        processor.add("special_tokens", special);
        return processor;
    }

    private static JsonArray template(String bos, String sequence) {
        JsonArray items = new JsonArray();
        items.add(templateItem("SpecialToken", bos));
        items.add(templateItem("Sequence", sequence));
        return items;
    }

    private static JsonObject templateItem(String kind, String id) {
        JsonObject body = new JsonObject();
        body.addProperty("id", id);
        body.addProperty("type_id", 0);
        JsonObject item = new JsonObject();
        item.add(kind, body);
        return item;
    }
}
