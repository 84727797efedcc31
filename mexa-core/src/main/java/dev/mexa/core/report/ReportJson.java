package dev.mexa.core.report;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.mexa.core.MexaException;
import dev.mexa.core.io.InputFiles;
import dev.mexa.core.io.StrictJson;
import dev.mexa.core.score.WilsonInterval;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Converts a {@link MexaReport} to and from {@code mexa-report.json}. */
public final class ReportJson {

    /** Marker written into every report so that a baseline can be recognised as one. */
    static final String FORMAT = "mexa-report/1";
    private static final String FORMAT_FAMILY = "mexa-report/";
    private static final String POINT_AT_A_REPORT = "Point at a mexa-report.json written by mexa:evaluate.";

    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().serializeNulls().create();

    private ReportJson() {
    }

    /**
     * @param report the report
     * @return pretty-printed JSON
     */
    public static String toJson(MexaReport report) {
        JsonObject root = new JsonObject();
        root.addProperty("format", FORMAT);
        root.addProperty("pivot", report.pivot());
        root.addProperty("embedding", report.embedding());
        root.addProperty("pooling", report.pooling());
        root.addProperty("sentences", report.sentences());
        root.addProperty("layers", report.layers());
        root.addProperty("layerRange", report.layerRange());
        root.addProperty("model", report.model());
        root.addProperty("corpus", report.corpus());
        root.addProperty("createdAt", report.createdAt());
        root.addProperty("durationMillis", report.durationMillis());
        JsonArray notes = new JsonArray();
        report.notes().forEach(notes::add);
        root.add("notes", notes);
        JsonObject languages = new JsonObject();
        report.languages().forEach((code, result) -> languages.add(code, languageJson(result)));
        root.add("languages", languages);
        return GSON.toJson(root) + "\n";
    }

    private static JsonObject languageJson(LanguageResult result) {
        JsonObject json = new JsonObject();
        json.addProperty("score", result.score());
        json.add("interval", intervalJson(result.interval()));
        json.addProperty("pivot", result.pivot());
        json.addProperty("sentences", result.sentences());
        JsonArray layers = new JsonArray();
        for (double value : result.layerScores()) {
            layers.add(value);
        }
        json.add("layerScores", layers);
        JsonArray intervals = new JsonArray();
        result.layerIntervals().forEach(interval -> intervals.add(intervalJson(interval)));
        json.add("layerIntervals", intervals);
        json.addProperty("threshold", result.threshold());
        json.addProperty("baseline", result.baseline());
        json.addProperty("verdict", result.verdict().name());
        JsonArray violations = new JsonArray();
        result.violations().forEach(violations::add);
        json.add("violations", violations);
        JsonObject estimates = new JsonObject();
        new java.util.TreeMap<>(result.estimatedScores()).forEach(estimates::addProperty);
        json.add("estimatedScores", estimates);
        return json;
    }

    private static JsonArray intervalJson(WilsonInterval interval) {
        JsonArray array = new JsonArray();
        array.add(interval.lower());
        array.add(interval.upper());
        return array;
    }

    /**
     * Reads a report written by {@link #toJson}, e.g. a baseline.
     *
     * @param file the JSON file
     * @return the report
     * @throws MexaException naming the file when it is missing or not a MEXA report
     */
    public static MexaReport read(Path file) {
        if (Files.notExists(file)) {
            throw new MexaException("MEXA report " + file + " does not exist: check the path (a baseline is an"
                    + " earlier target/mexa/mexa-report.json).");
        }
        String text = InputFiles.readUtf8(file, "MEXA report", StrictJson.MAX_FILE_BYTES);
        JsonElement parsed = StrictJson.parse(text, file + " is not a MEXA report: it", POINT_AT_A_REPORT);
        try {
            if (!parsed.isJsonObject() || !isReportFormat(parsed.getAsJsonObject().get("format"))) {
                throw notAReport(file, "it lacks the marker \"format\": \"" + FORMAT + "\"");
            }
            if (!parsed.getAsJsonObject().has("languages") || !parsed.getAsJsonObject().has("pivot")) {
                throw notAReport(file, "it lacks the keys 'pivot' and 'languages'");
            }
            return fromJson(parsed.getAsJsonObject());
        } catch (MexaException e) {
            throw e;
        } catch (RuntimeException e) {
            // Gson reports a value of the wrong JSON type with ClassCastException, IllegalStateException and others
            throw notAReport(file, "it is not valid report JSON (" + e.getMessage() + ")");
        }
    }

    private static boolean isReportFormat(JsonElement format) {
        return format != null && format.isJsonPrimitive() && format.getAsString().startsWith(FORMAT_FAMILY);
    }

    private static MexaException notAReport(Path file, String detail) {
        return new MexaException(file + " is not a MEXA report: " + detail + ". " + POINT_AT_A_REPORT);
    }

    private static MexaReport fromJson(JsonObject root) {
        Map<String, LanguageResult> languages = new LinkedHashMap<>();
        for (Map.Entry<String, JsonElement> entry : root.getAsJsonObject("languages").entrySet()) {
            languages.put(entry.getKey(), languageFromJson(entry.getKey(), entry.getValue().getAsJsonObject(),
                    intOr(root, "sentences", 1)));
        }
        List<String> notes = new ArrayList<>();
        if (root.has("notes")) {
            root.getAsJsonArray("notes").forEach(note -> notes.add(note.getAsString()));
        }
        return new MexaReport(root.get("pivot").getAsString(), stringOr(root, "embedding"),
                stringOr(root, "pooling"), intOr(root, "sentences", 0), intOr(root, "layers", 0),
                stringOr(root, "layerRange"), stringOr(root, "model"), stringOr(root, "corpus"),
                stringOr(root, "createdAt"), root.has("durationMillis") ? root.get("durationMillis").getAsLong() : 0,
                notes, languages);
    }

    private static LanguageResult languageFromJson(String code, JsonObject json, int defaultSentences) {
        int sentences = intOr(json, "sentences", defaultSentences);
        double[] layers = new double[0];
        if (json.has("layerScores")) {
            JsonArray array = json.getAsJsonArray("layerScores");
            layers = new double[array.size()];
            for (int i = 0; i < layers.length; i++) {
                layers[i] = array.get(i).getAsDouble();
            }
        }
        boolean pivot = json.has("pivot") && json.get("pivot").getAsBoolean();
        LanguageResult result = LanguageResult.ungated(code, pivot, Math.max(1, sentences),
                json.get("score").getAsDouble(), layers);
        return result.withGate(doubleOr(json, "threshold"), doubleOr(json, "baseline"), verdictOf(json),
                stringsOf(json, "violations")).withEstimatedScores(estimatesOf(json));
    }

    private static Verdict verdictOf(JsonObject json) {
        String verdict = stringOr(json, "verdict");
        return verdict == null ? Verdict.NOT_GATED : Verdict.valueOf(verdict);
    }

    private static List<String> stringsOf(JsonObject json, String key) {
        List<String> values = new ArrayList<>();
        if (json.has(key) && json.get(key).isJsonArray()) {
            json.getAsJsonArray(key).forEach(value -> values.add(value.getAsString()));
        }
        return values;
    }

    private static Map<String, Double> estimatesOf(JsonObject json) {
        Map<String, Double> estimates = new LinkedHashMap<>();
        if (json.has("estimatedScores") && json.get("estimatedScores").isJsonObject()) {
            json.getAsJsonObject("estimatedScores").entrySet()
                    .forEach(entry -> estimates.put(entry.getKey(), entry.getValue().getAsDouble()));
        }
        return estimates;
    }

    private static Double doubleOr(JsonObject json, String key) {
        JsonElement value = json.get(key);
        return value == null || value.isJsonNull() ? null : value.getAsDouble();
    }

    private static String stringOr(JsonObject json, String key) {
        JsonElement value = json.get(key);
        return value == null || value.isJsonNull() ? null : value.getAsString();
    }

    private static int intOr(JsonObject json, String key, int fallback) {
        JsonElement value = json.get(key);
        return value == null || value.isJsonNull() ? fallback : value.getAsInt();
    }
}
