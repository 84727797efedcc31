package dev.mexa.junit;

import dev.mexa.core.gate.GateRules;
import dev.mexa.core.report.LanguageResult;
import dev.mexa.core.report.MexaReport;
import dev.mexa.core.report.ScoreFormat;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.DynamicTest;

/**
 * The scores of a {@link MexaEvaluation}, as injected into test methods, with JUnit helpers on top of mexa-core's
 * {@link MexaReport}: scores by language and one dynamic test per language.
 */
public final class MexaScores {

    private final MexaReport core;

    /** @param core the report of mexa-core */
    public MexaScores(MexaReport core) {
        this.core = Objects.requireNonNull(core, "core");
    }

    /** @return the report of mexa-core, with every detail (layer scores, intervals, verdicts) */
    public MexaReport core() {
        return core;
    }

    /** @return the pivot language code */
    public String pivot() {
        return core.pivot();
    }

    /** @return the scored language codes other than the pivot, sorted */
    public List<String> languages() {
        return core.languages().values().stream().filter(result -> !result.pivot()).map(LanguageResult::language)
                .toList();
    }

    /**
     * @param language a language code
     * @return its pooled MEXA score
     * @throws dev.mexa.core.MexaException when the report has no such language
     */
    public double score(String language) {
        return core.score(language);
    }

    /**
     * @param language a language code
     * @return everything the report holds for it
     * @throws dev.mexa.core.MexaException when the report has no such language
     */
    public LanguageResult result(String language) {
        return core.result(language);
    }

    /**
     * One test per language other than the pivot, each failing with the quality gate's lines when the language scores
     * below {@code minimum}. Return it from a {@code @TestFactory}.
     *
     * @param minimum the minimum score of every language, in [0, 1]
     * @return the dynamic tests, named like {@code deu_Latn scores at least 0.40}
     * @throws dev.mexa.core.MexaException when the minimum is outside [0, 1]
     */
    public Stream<DynamicTest> dynamicTests(double minimum) {
        List<DynamicTest> tests = languages().stream().map(language -> {
            GateRules rule = GateFailure.minimum(language, minimum);
            return DynamicTest.dynamicTest(language + " scores at least " + ScoreFormat.brief(minimum),
                    () -> GateFailure.message(core, rule).ifPresent(Assertions::fail));
        }).toList();
        return tests.stream();
    }

    @Override
    public String toString() {
        return "MexaScores" + core.languages().keySet() + " (pivot " + core.pivot() + ", " + core.model() + ")";
    }
}
