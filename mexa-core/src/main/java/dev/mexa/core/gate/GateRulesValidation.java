package dev.mexa.core.gate;

import dev.mexa.core.MexaConfigurationException;
import dev.mexa.core.report.ScoreFormat;
import dev.mexa.core.score.LayerRange;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Rejects gate rules that cannot apply to what is scored, before anything is embedded, with the setting at fault
 * named: thresholds for languages not scored or for the pivot, a baseline made with another pivot, embedding,
 * pooling or layer range, and a rule that would judge a language on fewer than {@link GateRules#minSentences()}
 * sentences. Values are checked when {@link GateRules} are built.
 */
final class GateRulesValidation {

    private GateRulesValidation() {
    }

    static void validate(GatePlan plan, GateRules rules) {
        rules.thresholds().keySet().forEach(language -> requireGateable(plan, rules, language));
        if (rules.baseline() != null) {
            requireComparable(plan, rules, baselineName(rules));
        }
        requireEnoughSentences(plan, rules);
    }

    /**
     * A rule judged on too few sentences passes or fails by chance: with one sentence every language scores 1.0.
     * Below {@link GateRules#minSentences()} that is an error, whatever the scores, so that such a gate can never
     * pass silently.
     */
    private static void requireEnoughSentences(GatePlan plan, GateRules rules) {
        Map<String, Integer> tooFew = new TreeMap<>();
        plan.sentences().forEach((language, sentences) -> {
            if (sentences < rules.minSentences() && applies(plan, rules, language)) {
                tooFew.put(language, sentences);
            }
        });
        if (tooFew.isEmpty()) {
            return;
        }
        int fewest = Collections.min(tooFew.values());
        List<String> named = tooFew.entrySet().stream()
                .map(entry -> entry.getKey() + " (" + entry.getValue() + ")").toList();
        throw new MexaConfigurationException("Too few sentences to gate: " + String.join(", ", named) + " scored on"
                + " fewer than the " + rules.minSentences() + " sentences that " + GateRules.MIN_SENTENCES_SETTING
                + " requires. With n sentences a score's 95% interval is about +-1/sqrt(n) (+-"
                + ScoreFormat.brief(1 / Math.sqrt(fewest)) + " here), too wide for a threshold to tell a good language"
                + " from a poor one. Score more sentences (sentences, mexa.sentences; a longer corpus), or lower"
                + " minSentences knowingly.");
    }

    /** @return whether a rule judges the language: its threshold, {@code minScore}, or a drop from its baseline */
    private static boolean applies(GatePlan plan, GateRules rules, String language) {
        if (language.equals(plan.pivot())) {
            return false;
        }
        return rules.thresholds().containsKey(language) || rules.minScore() != null
                || rules.maxDrop() != null && QualityGate.baselineScore(rules.baseline(), language) != null;
    }

    static String baselineName(GateRules rules) {
        return rules.baselineName() == null ? "baseline report" : rules.baselineName();
    }

    private static void requireGateable(GatePlan plan, GateRules rules, String language) {
        if (language.equals(plan.pivot())) {
            throw new MexaConfigurationException("The " + rules.thresholdSetting(language) + " names the pivot,"
                    + " which is never gated (it scores 1.0 by definition): remove that threshold.");
        }
        if (!plan.languages().contains(language)) {
            throw new MexaConfigurationException("The " + rules.thresholdSetting(language) + " names a language"
                    + " that is not among the scored languages (" + String.join(", ", plan.languages()) + "): fix"
                    + " the language code, or add the language to the input and to languages (mexa.languages).");
        }
    }

    private static void requireComparable(GatePlan plan, GateRules rules, String name) {
        GatePlan baseline = GatePlan.of(rules.baseline());
        List<String> differences = new ArrayList<>();
        compare("pivot", plan.pivot(), baseline.pivot(), differences);
        compare("embedding", plan.embedding(), baseline.embedding(), differences);
        compare("pooling", plan.pooling(), baseline.pooling(), differences);
        compare("layers", plan.layerRange(), canonicalLayers(baseline.layerRange()), differences);
        if (!differences.isEmpty()) {
            throw new MexaConfigurationException("baseline (mexa.baseline) " + name + " was made with another "
                    + String.join(", ", differences) + ": scores made differently cannot be compared; make a new"
                    + " baseline with these settings, or run with the baseline's.");
        }
    }

    /** Older reports wrote every layer as {@code 0-}; both spellings mean the same range. */
    private static String canonicalLayers(String layerRange) {
        return layerRange == null ? null : LayerRange.parse(layerRange).toString();
    }

    private static void compare(String setting, String current, String earlier, List<String> differences) {
        if (!Objects.equals(current, earlier)) {
            differences.add(setting + " (baseline: " + (earlier == null ? "not recorded" : earlier) + ", this run: "
                    + current + ")");
        }
    }
}
