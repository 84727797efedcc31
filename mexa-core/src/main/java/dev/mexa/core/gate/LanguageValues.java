package dev.mexa.core.gate;

import dev.mexa.core.MexaException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads per-key fractions, such as thresholds per language ({@code deu_Latn:0.85,swh_Latn:30%}) or English task
 * scores per task ({@code belebele:0.89}), from the property form or from a map of the XML form.
 */
public final class LanguageValues {

    private LanguageValues() {
    }

    /**
     * @param list comma-separated {@code key:value} pairs, values as {@link Fraction#parse}; null or blank for none
     * @param parameter the parameter the list comes from, named in errors, e.g. {@code mexa.thresholds}
     * @return key to value, in the order written
     * @throws MexaException naming the parameter for a pair without a colon, an empty key, a key given twice or a
     *     bad value
     */
    public static Map<String, Double> parse(String list, String parameter) {
        Map<String, String> pairs = new LinkedHashMap<>();
        if (list == null || list.isBlank()) {
            return Map.of();
        }
        for (String pair : list.split(",")) {
            if (pair.isBlank()) {
                continue;
            }
            int colon = pair.lastIndexOf(':');
            if (colon <= 0 || pair.substring(0, colon).isBlank()) {
                throw new MexaException("Invalid " + parameter + " entry '" + pair.trim() + "': write key:value pairs"
                        + " separated by commas, e.g. deu_Latn:0.85,swh_Latn:30%.");
            }
            String key = pair.substring(0, colon).trim();
            if (pairs.put(key, pair.substring(colon + 1)) != null) {
                throw new MexaException("Invalid " + parameter + ": '" + key + "' is given twice; keep one value.");
            }
        }
        return of(pairs, parameter);
    }

    /**
     * @param values key to value text, as Maven binds {@code <thresholds><deu_Latn>0.85</deu_Latn></thresholds>};
     *     null for none
     * @param parameter the parameter the map comes from, named in errors
     * @return key to value, in the map's order
     * @throws MexaException naming the parameter and key for a bad value
     */
    public static Map<String, Double> of(Map<String, String> values, String parameter) {
        Map<String, Double> parsed = new LinkedHashMap<>();
        if (values != null) {
            values.forEach((key, text) -> parsed.put(key.trim(), Fraction.parse(text, parameter + " " + key.trim())));
        }
        return parsed;
    }

    /**
     * Combines the two forms of one setting, as a build tool receives them: the map from the build file and the
     * list from the command line, which wins for a key in both.
     *
     * @param values the map form, e.g. from {@code <thresholds>}; null for none
     * @param mapParameter its name, e.g. {@code thresholds}
     * @param list the list form, e.g. from {@code -Dmexa.thresholds=deu_Latn:0.85}; null for none
     * @param listParameter its name, e.g. {@code mexa.thresholds}
     * @return key to value
     */
    public static Map<String, Double> merge(Map<String, String> values, String mapParameter, String list,
            String listParameter) {
        Map<String, Double> merged = new LinkedHashMap<>(of(values, mapParameter));
        merged.putAll(parse(list, listParameter));
        return merged;
    }
}
