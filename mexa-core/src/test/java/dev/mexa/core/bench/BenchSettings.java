package dev.mexa.core.bench;

import dev.mexa.core.runtime.ComputeDevice;
import dev.mexa.core.runtime.ModelSettings;
import java.nio.file.Path;

/** The model settings of a benchmark run: defaults except what a measurement varies. */
final class BenchSettings {

    /** Marks the default token budget. */
    static final int DEFAULT_TOKENS = 0;

    private BenchSettings() {
    }

    static ModelSettings settings(Path model, Path corpus, int batchSize, int batchTokens, String weights) {
        return ModelSettings.builder().model(model).corpus(corpus).device(ComputeDevice.CPU).batchSize(batchSize)
                .batchTokens(batchTokens).halfWeights(weights.equals("half")).threads(Integer.getInteger("mexa.bench.threads", 0)).build();
    }
}
