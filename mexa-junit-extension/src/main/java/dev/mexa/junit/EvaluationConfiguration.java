package dev.mexa.junit;

import dev.mexa.core.MexaException;
import dev.mexa.core.evaluate.EvaluationRequest;
import dev.mexa.core.gate.GateRules;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

/**
 * A {@link MexaEvaluation} mapped onto mexa-core's {@link EvaluationRequest}, which checks every attribute: paths
 * resolved against the project directory, languages sorted, so that two annotations meaning the same evaluation give
 * equal inputs and settings, which is what the shared sources and reports are keyed on.
 *
 * @param request the checked request: the class's {@link MinScore}s its gate, those of its tests its later gates
 * @param failIfMissing whether a missing input fails instead of disabling
 */
record EvaluationConfiguration(EvaluationRequest request, boolean failIfMissing) {

    /**
     * @param annotation the annotation as written
     * @return the configuration
     * @throws ExtensionConfigurationException with mexa-core's message for the attribute at fault
     */
    static EvaluationConfiguration of(MexaEvaluation annotation) {
        return of(annotation, GateRules.none(), List.of());
    }

    /**
     * @param annotation the annotation as written
     * @param gate the class's own {@link MinScore}s, which its report is gated with
     * @param laterGates every other {@link MinScore} of the class, applied to each test's report later
     * @return the configuration
     * @throws ExtensionConfigurationException with mexa-core's message for the attribute at fault
     */
    static EvaluationConfiguration of(MexaEvaluation annotation, GateRules gate, List<GateRules> laterGates) {
        EvaluationRequest request = configured(() -> EvaluationRequest.builder()
                .model(path(annotation.model()))
                .corpus(path(annotation.corpus()))
                .embeddings(Arrays.stream(annotation.embeddings()).filter(written -> !written.isBlank())
                        .map(EvaluationConfiguration::path).toList())
                .sentences(annotation.sentences())
                .embedding(annotation.embedding())
                .device(annotation.device())
                .dtype(annotation.dtype())
                .threads(annotation.threads())
                .batchTokens(annotation.batchTokens())
                .halfWeights(annotation.halfWeights())
                .cache(annotation.cache())
                .cacheDirectory(path(annotation.cacheDirectory()))
                .pivot(annotation.pivot())
                .languages(Arrays.stream(annotation.languages()).sorted().toList())
                .pooling(annotation.pooling())
                .layers(annotation.layers())
                .gate(gate)
                .laterGates(laterGates)
                .shard(annotation.shard())
                .minSentences(annotation.minSentences())
                .build());
        return new EvaluationConfiguration(request, annotation.failIfMissing());
    }

    /**
     * @return why the input cannot be used (a directory that does not exist), or empty when it is there
     */
    Optional<String> missing() {
        for (Map.Entry<String, Path> directory : request.input().inputDirectories()) {
            if (!Files.isDirectory(directory.getValue())) {
                return Optional.of("The " + directory.getKey() + " directory " + directory.getValue()
                        + " (@MexaEvaluation(" + directory.getKey() + ")) does not exist");
            }
        }
        return Optional.empty();
    }

    /**
     * @param action something that checks configuration in mexa-core
     * @param <T> its result
     * @return the result
     * @throws ExtensionConfigurationException with mexa-core's message when the check fails
     */
    static <T> T configured(Supplier<T> action) {
        try {
            return action.get();
        } catch (MexaException e) {
            throw configurationError(e);
        }
    }

    /**
     * @param e mexa-core's error for a setting of the annotation, or for a {@link MinScore} it names
     * @return the error as JUnit reports misconfigured extensions
     */
    static ExtensionConfigurationException configurationError(MexaException e) {
        return new ExtensionConfigurationException("@MexaEvaluation: " + e.getMessage(), e);
    }

    private static Path path(String written) {
        return written.isBlank() ? null : ProjectDirectory.resolve(written);
    }
}
