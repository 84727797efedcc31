package dev.mexa.junit;

import dev.mexa.core.MexaException;
import dev.mexa.core.embedding.EmbeddingMethod;
import dev.mexa.core.evaluate.EvaluationSettings;
import dev.mexa.core.runtime.ComputeDevice;
import dev.mexa.core.runtime.ComputeType;
import dev.mexa.core.runtime.ModelSettings;
import dev.mexa.core.score.LayerRange;
import dev.mexa.core.score.Pooling;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

/**
 * A {@link MexaEvaluation} checked and normalized: absolute paths, parsed options, sorted languages. Two annotations
 * that mean the same evaluation give equal configurations, which is what the evaluation cache is keyed on.
 *
 * @param input where the embeddings come from
 * @param settings pivot, languages, pooling and layers
 * @param failIfMissing whether a missing input fails instead of disabling
 */
record EvaluationConfiguration(EmbeddingInput input, EvaluationSettings settings, boolean failIfMissing) {

    /**
     * @param annotation the annotation as written
     * @return the configuration
     * @throws ExtensionConfigurationException naming the attribute at fault
     */
    static EvaluationConfiguration of(MexaEvaluation annotation) {
        EvaluationSettings settings = new EvaluationSettings(
                required(annotation.pivot(), "pivot"),
                languages(annotation.languages()),
                parsed("pooling", () -> Pooling.parse(annotation.pooling())),
                parsed("layers", () -> LayerRange.parse(annotation.layers())));
        return new EvaluationConfiguration(input(annotation), settings, annotation.failIfMissing());
    }

    /**
     * @param available the languages the source has
     * @param source what the source is, for the message
     * @throws ExtensionConfigurationException when the pivot or a requested language is not available
     */
    void requireAvailable(Collection<String> available, String source) {
        if (!available.contains(settings.pivot())) {
            throw new ExtensionConfigurationException("@MexaEvaluation(pivot = \"" + settings.pivot() + "\"): "
                    + settings.pivot() + " is not in " + source + ", which has " + String.join(", ", available) + ".");
        }
        List<String> missing = settings.languages().stream().filter(code -> !available.contains(code)).toList();
        if (!missing.isEmpty()) {
            throw new ExtensionConfigurationException("@MexaEvaluation(languages) names " + String.join(", ", missing)
                    + ", not in " + source + ", which has " + String.join(", ", available)
                    + ": fix the codes or add the languages to the corpus.");
        }
    }

    private static EmbeddingInput input(MexaEvaluation annotation) {
        boolean model = !annotation.model().isBlank();
        boolean embeddings = !annotation.embeddings().isBlank();
        if (model == embeddings) {
            throw new ExtensionConfigurationException("@MexaEvaluation needs either model (with corpus) or embeddings"
                    + (model ? ", not both." : "; neither is set."));
        }
        if (embeddings) {
            if (!annotation.corpus().isBlank()) {
                throw new ExtensionConfigurationException("@MexaEvaluation(corpus) applies to a model only; remove it"
                        + " when embeddings is set.");
            }
            return new ImportedInput(ProjectDirectory.resolve(annotation.embeddings()));
        }
        if (annotation.sentences() < 1) {
            throw new ExtensionConfigurationException("@MexaEvaluation(sentences = " + annotation.sentences()
                    + ") must be at least 1.");
        }
        EmbeddingMethod method = parsed("embedding", () -> EmbeddingMethod.parseForModel(annotation.embedding()));
        return new ModelInput(new ModelSettings(
                ProjectDirectory.resolve(annotation.model()),
                ProjectDirectory.resolve(required(annotation.corpus(), "corpus")),
                annotation.sentences(),
                method,
                parsed("device", () -> ComputeDevice.parse(annotation.device())),
                parsed("dtype", () -> ComputeType.parse(annotation.dtype())),
                ModelSettings.DEFAULT_BATCH_SIZE,
                null,
                true));
    }

    private static List<String> languages(String[] codes) {
        for (String code : codes) {
            required(code, "languages");
        }
        return Arrays.stream(codes).map(String::trim).distinct().sorted().toList();
    }

    private static String required(String value, String attribute) {
        if (value.isBlank()) {
            throw new ExtensionConfigurationException("@MexaEvaluation(" + attribute + ") must not be blank.");
        }
        return value.trim();
    }

    private static <T> T parsed(String attribute, Supplier<T> parser) {
        try {
            return parser.get();
        } catch (MexaException e) {
            throw new ExtensionConfigurationException("@MexaEvaluation(" + attribute + "): " + e.getMessage(), e);
        }
    }
}
