package dev.mexa.core.embedding;

import dev.mexa.core.corpus.Shard;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What an export's embeddings were made with, recorded in its marker ({@link EmbeddingExport#MARKER}) beside the
 * languages, so that the exports of a sharded run are merged only when one run could have made them all: the same
 * model, dtype and device kind; and the shard each holds, so that a missing shard is noticed. The embedding method
 * is recorded in every file ({@link EmbeddingFiles#METHOD_KEY}).
 *
 * @param model the checkpoint's fingerprint ({@code sha256:...}, see {@code ModelFingerprint})
 * @param dtype what the model computed in, e.g. {@code float32}
 * @param device the device kind it ran on, e.g. {@code cpu} or {@code gpu}
 * @param shard the slice of the requested languages the export holds, {@link Shard#WHOLE} for all of them
 */
public record ExportOrigin(String model, String dtype, String device, Shard shard) {

    /** Checks that every field is set. */
    public ExportOrigin {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(dtype, "dtype");
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(shard, "shard");
    }

    /** @return the settings that change the embeddings, by marker key, in a fixed order: model, dtype, device */
    public Map<String, String> settings() {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("model", model);
        settings.put("dtype", dtype);
        settings.put("device", device);
        return settings;
    }
}
