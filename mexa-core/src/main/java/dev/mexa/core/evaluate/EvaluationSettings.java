package dev.mexa.core.evaluate;

import dev.mexa.core.corpus.Shard;
import dev.mexa.core.score.LayerRange;
import dev.mexa.core.score.Pooling;
import java.util.List;

/**
 * What to score: the pivot, the languages (empty for every language the source has), the pooling, the layers
 * pooling is restricted to, and the shard of those languages this run embeds.
 *
 * @param pivot the pivot language code, {@code eng_Latn} by default
 * @param languages target language codes; empty means every language available
 * @param pooling how per-layer scores become one score
 * @param layerRange which layers are pooled
 * @param shard the slice of the languages this run embeds and scores, {@link Shard#WHOLE} for all of them
 */
public record EvaluationSettings(String pivot, List<String> languages, Pooling pooling, LayerRange layerRange,
        Shard shard) {

    /** The default pivot, English in Latin script. */
    public static final String DEFAULT_PIVOT = "eng_Latn";

    /** Copies the language list. */
    public EvaluationSettings {
        languages = List.copyOf(languages);
    }

    /**
     * @return the paper's defaults: pivot {@code eng_Latn}, every language, mean pooling, every layer, in one run
     */
    public static EvaluationSettings defaults() {
        return new EvaluationSettings(DEFAULT_PIVOT, List.of(), Pooling.MEAN, LayerRange.ALL, Shard.WHOLE);
    }

    /**
     * @param commaList comma-separated language codes, blanks ignored; null or empty for every language
     * @return the codes, trimmed
     */
    public static List<String> parseLanguages(String commaList) {
        if (commaList == null || commaList.isBlank()) {
            return List.of();
        }
        return java.util.Arrays.stream(commaList.split(",")).map(String::trim).filter(code -> !code.isEmpty())
                .distinct().toList();
    }
}
