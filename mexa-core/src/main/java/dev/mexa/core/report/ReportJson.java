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
     * @throws MexaException when a number is not finite (NaN or infinite): nothing is written then
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
        report.languages().forEach((code, result) -> languages.add(code, languageJson(report, result)));
        root.add("languages", languages);
        root.add("averages", averagesJson(ReportAverages.of(report)));
        requireFinite(root, "");
        return GSON.toJson(root) + "\n";
    }

    /**
     * Gson writes a tree's NaN and Infinity as bare words, which is not JSON and which no strict reader (this one
     * included) accepts back; no such number may ever reach a report.
     */
    private static void requireFinite(JsonElement element, String path) {
        if (element.isJsonObject()) {
            element.getAsJsonObject().entrySet().forEach(entry -> requireFinite(entry.getValue(),
                    path.isEmpty() ? entry.getKey() : path + "." + entry.getKey()));
        } else if (element.isJsonArray()) {
            JsonArray array = element.getAsJsonArray();
            for (int i = 0; i < array.size(); i++) {
                requireFinite(array.get(i), path + "[" + i + "]");
            }
        } else if (element.isJsonPrimitive() && element.getAsJsonPrimitive().isNumber()
                && !Double.isFinite(element.getAsDouble())) {
            throw new MexaException("The MEXA report cannot be written: '" + path + "' is " + element.getAsDouble()
                    + ", and a report holds finite numbers only. Please report this with the output of mvn -e.");
        }
    }


    private static JsonObject averagesJson(ReportAverages averages) {
        JsonObject json = new JsonObject();
        json.addProperty("languages", averages.languages());
        json.addProperty("score", averages.scored());
        json.addProperty("gatedLanguages", averages.gatedLanguages());
        json.addProperty("gatedScore", averages.gated());
        json.addProperty("meanScore", averages.mean());
        json.addProperty("maxScore", averages.max());
        return json;
    }

    private static JsonObject languageJson(MexaReport report, LanguageResult result) {
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
        PooledScores pooled = PooledScores.of(report, result);
        json.addProperty("meanScore", pooled.mean());
        json.addProperty("maxScore", pooled.max());
        json.addProperty("threshold", result.threshold());
        json.addProperty("baseline", result.baseline());
        json.addProperty("verdict", result.verdict().name());
        JsonArray violations = new JsonArray();
        result.violations().forEach(violations::add);
        json.add("violations", violations);
        JsonArray violatedRules = new JsonArray();
        result.gate().violatedRules().stream().sorted().map(ViolatedRule::id).forEach(violatedRules::add);
        json.add("violatedRules", violatedRules);
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
        if (!parsed.isJsonObject() || !isReportFormat(parsed.getAsJsonObject().get("format"))) {
            throw notAReport(file, "it lacks the marker \"format\": \"" + FORMAT + "\"");
        }
        if (!parsed.getAsJsonObject().has("languages") || !parsed.getAsJsonObject().has("pivot")) {
            throw notAReport(file, "it lacks the keys 'pivot' and 'languages'");
        }
        return fromJson(parsed.getAsJsonObject(), new ReportFields(file, POINT_AT_A_REPORT));
    }

    private static boolean isReportFormat(JsonElement format) {
        return format != null && format.isJsonPrimitive() && format.getAsString().startsWith(FORMAT_FAMILY);
    }

    private static MexaException notAReport(Path file, String detail) {
        return new MexaException(file + " is not a MEXA report: " + detail + ". " + POINT_AT_A_REPORT);
    }

    private static MexaReport fromJson(JsonObject root, ReportFields fields) {
        int sentences = fields.count(root, "sentences", "sentences", 1, 1);
        Map<String, LanguageResult> languages = new LinkedHashMap<>();
        for (Map.Entry<String, JsonElement> entry : fields.object(root, "languages", "languages").entrySet()) {
            String path = "languages." + entry.getKey();
            languages.put(entry.getKey(), languageFromJson(entry.getKey(),
                    fields.object(root.getAsJsonObject("languages"), entry.getKey(), path), path, sentences, fields));
        }
        return new MexaReport(fields.text(root, "pivot", "pivot", true), fields.text(root, "embedding", "embedding",
                false), fields.text(root, "pooling", "pooling", false), sentences,
                fields.count(root, "layers", "layers", 0, 0), fields.text(root, "layerRange", "layerRange", false),
                fields.text(root, "model", "model", false), fields.text(root, "corpus", "corpus", false),
                fields.text(root, "createdAt", "createdAt", false),
                fields.duration(root, "durationMillis", "durationMillis"), fields.texts(root, "notes", "notes", false),
                languages);
    }

    private static LanguageResult languageFromJson(String code, JsonObject json, String path, int defaultSentences,
            ReportFields fields) {
        LanguageResult result = LanguageResult.ungated(code, fields.flag(json, "pivot", path + ".pivot", false),
                fields.count(json, "sentences", path + ".sentences", 1, defaultSentences),
                fields.fraction(json, "score", path + ".score"),
                fields.fractions(json, "layerScores", path + ".layerScores"));
        return result.withGate(new LanguageGate(fields.optionalFraction(json, "threshold", path + ".threshold"),
                fields.optionalFraction(json, "baseline", path + ".baseline"),
                fields.verdict(json, "verdict", path + ".verdict"),
                fields.texts(json, "violations", path + ".violations", false),
                fields.violatedRules(json, "violatedRules", path + ".violatedRules")))
                .withEstimatedScores(fields.fractionsByKey(json, "estimatedScores", path + ".estimatedScores"));
    }
}
