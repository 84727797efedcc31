package dev.mexa.core.evaluate;

import dev.mexa.core.MexaConfigurationException;
import dev.mexa.core.corpus.Shard;
import dev.mexa.core.embedding.EmbeddingSource;
import dev.mexa.core.gate.GatePlan;
import dev.mexa.core.gate.GateRules;
import dev.mexa.core.gate.QualityGate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What one evaluation embeds and scores, decided from the settings and an opened source before anything is embedded
 * (a model's weights are not loaded yet): the one place that checks that the pivot and the requested languages are
 * available and that the layer range lies within the hidden states the source will give (where it knows them before
 * running: not a TorchScript export), and the one place that picks the languages to embed: every requested language,
 * or the {@link EvaluationSettings#shard() shard}'s slice of them.
 *
 * @param settings pivot, languages, pooling, layers and shard
 * @param embedding the source's embedding method id
 * @param targets the languages to embed and score after the pivot, in order, the pivot excluded
 * @param sentences each requested language, the pivot included, to the number of sentences it will be scored on (a
 *     target's at most the pivot's): for a shard, the other shards' languages too, so that the gate rules are checked
 *     against every language of the sharded run
 */
public record EvaluationPlan(EvaluationSettings settings, String embedding, List<String> targets,
        Map<String, Integer> sentences) {

    /** Copies the targets and the sentence counts. */
    public EvaluationPlan {
        targets = List.copyOf(targets);
        sentences = Map.copyOf(sentences);
    }

    /**
     * @param settings what to score
     * @param source the opened source
     * @return the plan
     * @throws MexaConfigurationException naming {@code pivot} or {@code languages} when the source lacks a language,
     *     {@code layers} when the range goes beyond the pivot's hidden states, or {@code shard} when there are fewer
     *     languages than shards
     */
    public static EvaluationPlan of(EvaluationSettings settings, EmbeddingSource source) {
        Set<String> available = source.languages();
        if (!available.contains(settings.pivot())) {
            throw new MexaConfigurationException("The pivot language " + settings.pivot() + " is not in "
                    + where(source) + " (found " + summary(source) + "): add its file or set pivot (mexa.pivot).");
        }
        List<String> requested = settings.languages().isEmpty() ? List.copyOf(available) : settings.languages();
        List<String> missing = requested.stream().filter(code -> !available.contains(code)).toList();
        if (!missing.isEmpty()) {
            throw new MexaConfigurationException("Language(s) " + String.join(", ", missing) + " requested in languages"
                    + " (mexa.languages) are not in " + where(source) + " (found " + summary(source)
                    + "): remove them or add their files.");
        }
        source.hiddenStates(settings.pivot())
                .ifPresent(states -> settings.layerRange().check(states, source.description()));
        List<String> others = requested.stream().filter(code -> !code.equals(settings.pivot())).toList();
        int pivotSentences = source.sentences(settings.pivot());
        Map<String, Integer> sentences = new LinkedHashMap<>();
        sentences.put(settings.pivot(), pivotSentences);
        others.forEach(code -> sentences.put(code, Math.min(pivotSentences, source.sentences(code))));
        Shard shard = settings.shard();
        return new EvaluationPlan(settings, source.method().id(), shard.isWhole() ? others : shard.slice(others),
                sentences);
    }

    /**
     * @return what the gate needs to know of this plan: pivot, requested languages (a shard's and the other shards')
     *     and their sentences, embedding, pooling, layers
     */
    public GatePlan gatePlan() {
        return GatePlan.of(settings.pivot(), sentences, embedding, settings.pooling().id(),
                settings.layerRange().toString());
    }

    /**
     * @param rules gate rules to apply to this plan's report
     * @throws MexaConfigurationException when a rule cannot apply (see {@link QualityGate#validate})
     */
    public void check(GateRules rules) {
        QualityGate.validate(gatePlan(), rules);
    }

    private static String where(EmbeddingSource source) {
        return source.corpusDescription() == null ? source.description() : "corpus " + source.corpusDescription();
    }

    private static String summary(EmbeddingSource source) {
        List<String> codes = List.copyOf(source.languages());
        return codes.size() <= 8 ? String.join(", ", codes)
                : String.join(", ", codes.subList(0, 8)) + ", ... (" + codes.size() + " in all)";
    }
}
