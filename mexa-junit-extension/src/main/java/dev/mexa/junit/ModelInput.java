package dev.mexa.junit;

import dev.mexa.core.MexaLog;
import dev.mexa.core.embedding.EmbeddingSource;
import dev.mexa.core.runtime.ModelEmbeddings;
import dev.mexa.core.runtime.ModelSettings;
import java.util.Optional;

/**
 * A model run over a corpus.
 *
 * @param settings absolute, normalized model and corpus directories and the runtime options
 */
record ModelInput(ModelSettings settings) implements EmbeddingInput {

    @Override
    public String description() {
        return "model " + settings.model() + " over corpus " + settings.corpus();
    }

    @Override
    public Optional<String> missing() {
        return EmbeddingInput.absent(settings.model(), "model")
                .or(() -> EmbeddingInput.absent(settings.corpus(), "corpus"));
    }

    @Override
    public EmbeddingSource open(MexaLog log) {
        return new ModelEmbeddings(settings, log);
    }
}
