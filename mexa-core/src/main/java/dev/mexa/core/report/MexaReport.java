package dev.mexa.core.report;

import dev.mexa.core.MexaException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The outcome of one MEXA evaluation: how it was made and one {@link LanguageResult} per language, ordered by
 * language code. Immutable; the gate returns a copy with verdicts.
 *
 * @param pivot the pivot language code
 * @param embedding the sentence embedding method id ({@code weighted-average}, {@code last-token}, {@code imported})
 * @param pooling the pooling id ({@code mean}, {@code max})
 * @param sentences n, the number of pivot sentences (a language with fewer is scored on its first ones)
 * @param layers the number of hidden states per language (L+1 for a model of L layers)
 * @param layerRange the layers pooling was restricted to: {@code all} for every layer, else e.g. {@code 8-24} or
 *     {@code 8-}
 * @param model the model directory or embeddings directory the scores come from, or the coordinates of the model
 *     artifact ({@code modelArtifact}) the model was unpacked from
 * @param corpus the corpus directory, or {@code null} for imported embeddings
 * @param createdAt when the evaluation finished, ISO-8601
 * @param durationMillis how long it took
 * @param notes remarks worth a reader's attention (trimmed corpora, saturated scores, duplicate sentences)
 * @param languages results by language code
 */
public record MexaReport(
        String pivot,
        String embedding,
        String pooling,
        int sentences,
        int layers,
        String layerRange,
        String model,
        String corpus,
        String createdAt,
        long durationMillis,
        List<String> notes,
        Map<String, LanguageResult> languages) {

    /** Copies the collections; languages are kept sorted by code. */
    public MexaReport {
        notes = List.copyOf(notes);
        languages = Collections.unmodifiableMap(new LinkedHashMap<>(new TreeMap<>(languages)));
    }

    /**
     * @param language a language code
     * @return its result
     * @throws MexaException when the report has no such language
     */
    public LanguageResult result(String language) {
        LanguageResult result = languages.get(language);
        if (result == null) {
            throw new MexaException("The MEXA report has no language '" + language + "'; it has "
                    + String.join(", ", languages.keySet()) + ".");
        }
        return result;
    }

    /**
     * @param language a language code
     * @return its pooled MEXA score
     */
    public double score(String language) {
        return result(language).score();
    }

    /** @return the results with verdict {@link Verdict#FAIL} */
    public List<LanguageResult> failures() {
        return languages.values().stream().filter(result -> result.verdict() == Verdict.FAIL).toList();
    }

    /** @return the results the gate checked (verdict pass or fail) */
    public List<LanguageResult> gated() {
        return languages.values().stream().filter(result -> result.verdict() != Verdict.NOT_GATED).toList();
    }

    /**
     * @return the gate's one-line outcome over the gated languages: {@code All MEXA checks have been met (14
     *     languages)}, {@code MEXA checks have not been met (2 of 14 languages)}, or, when no language is gated,
     *     {@code No MEXA checks configured}
     */
    public String gateSummary() {
        int gated = gated().size();
        int failed = failures().size();
        String languageCount = gated == 1 ? "language" : "languages";
        if (gated == 0) {
            return "No MEXA checks configured";
        }
        return failed == 0 ? "All MEXA checks have been met (" + gated + " " + languageCount + ")"
                : "MEXA checks have not been met (" + failed + " of " + gated + " " + languageCount + ")";
    }

    /**
     * @param newLanguages replacement results
     * @param extraNotes notes to append
     * @return a copy with these results and notes
     */
    public MexaReport with(Map<String, LanguageResult> newLanguages, List<String> extraNotes) {
        List<String> allNotes = new java.util.ArrayList<>(notes);
        allNotes.addAll(extraNotes);
        return new MexaReport(pivot, embedding, pooling, sentences, layers, layerRange, model, corpus, createdAt,
                durationMillis, allNotes, newLanguages);
    }

    /**
     * @param name how readers should know the model, e.g. the coordinates of the artifact it was unpacked from
     * @return a copy that names the model so
     */
    public MexaReport withModel(String name) {
        return new MexaReport(pivot, embedding, pooling, sentences, layers, layerRange, name, corpus, createdAt,
                durationMillis, notes, languages);
    }
}
