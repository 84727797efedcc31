package dev.mexa.core.report.html;

import java.util.HashMap;
import java.util.Map;

/**
 * English names of FLORES-200 language codes ({@code eng_Latn}: English, script Latin), from the tables
 * {@code flores200-languages.tsv} and {@code iso15924-scripts.tsv} shipped with mexa-core. Codes outside the tables
 * fall back to the code itself and its script subtag.
 */
public final class LanguageNames {

    private static final LanguageNames FLORES = new LanguageNames(
            table(ClasspathText.read("flores200-languages.tsv")), table(ClasspathText.read("iso15924-scripts.tsv")));

    private final Map<String, String> languages;
    private final Map<String, String> scripts;

    private LanguageNames(Map<String, String> languages, Map<String, String> scripts) {
        this.languages = languages;
        this.scripts = scripts;
    }

    /** @return the names of the FLORES-200 languages and scripts */
    public static LanguageNames flores200() {
        return FLORES;
    }

    /**
     * @param code a language code such as {@code deu_Latn}
     * @return its English name such as {@code German}, or the code itself when it is not a FLORES-200 code
     */
    public String name(String code) {
        return languages.getOrDefault(code, code);
    }

    /**
     * @param code a language code such as {@code deu_Latn}
     * @return the English name of its script such as {@code Latin}, the bare subtag when the script is unknown,
     *     or the empty string when the code has no script subtag
     */
    public String script(String code) {
        int separator = code.lastIndexOf('_');
        if (separator < 0) {
            return "";
        }
        String subtag = code.substring(separator + 1);
        return scripts.getOrDefault(subtag, subtag);
    }

    private static Map<String, String> table(String tsv) {
        Map<String, String> table = new HashMap<>();
        for (String line : tsv.split("\n")) {
            String[] columns = line.split("\t");
            if (!line.startsWith("#") && columns.length == 2) {
                table.put(columns[0].trim(), columns[1].trim());
            }
        }
        return table;
    }
}
