package dev.mexa.core.evaluate;

import dev.mexa.core.report.LanguageResult;
import java.util.Collection;
import java.util.List;

/**
 * Warns when most scored languages reach 1.0: the sentences are then too easy for the model to tell languages
 * apart, and the gate cannot see a language get worse until it falls a long way.
 */
final class SaturationCheck {

    private SaturationCheck() {
    }

    /**
     * @param results the results of an evaluation, pivot included
     * @return one warning line when more than half of the non-pivot languages score 1.0, else none
     */
    static List<String> warnings(Collection<LanguageResult> results) {
        List<LanguageResult> targets = results.stream().filter(result -> !result.pivot()).toList();
        List<String> saturated = targets.stream()
                .filter(result -> result.score() >= 1.0)
                .map(LanguageResult::language).toList();
        if (saturated.size() * 2 <= targets.size()) {
            return List.of();
        }
        return List.of(saturated.size() + " of " + targets.size() + " languages score 1.0 ("
                + String.join(", ", saturated) + "): the scores are saturated and cannot show a language getting"
                + " worse; use more or longer sentences (sentences) or a harder corpus.");
    }
}
