package dev.mexa.core.runtime;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import dev.mexa.core.runtime.checkpoint.CheckpointFiles;
import dev.mexa.core.safetensors.SafetensorsFile;
import java.nio.file.Path;
import java.util.List;

/**
 * Next-token logits for tests that compare with published logits: the runtime itself never computes them. The
 * output head is the checkpoint's {@code lm_head.weight} or, for tied checkpoints, the token embedding.
 */
final class Logits {

    private static final List<String> HEADS = List.of("lm_head.weight", "model.embed_tokens.weight",
            "transformer.wte.weight", "embed_tokens.weight", "wte.weight");

    private Logits() {
    }

    /**
     * @param checkpoint the checkpoint directory
     * @param finalState the last hidden state (after the final norm), float32 {@code [B, T, hidden]}
     * @return {@code [B, T, vocab]}
     */
    static NDArray of(Path checkpoint, NDArray finalState) {
        try (CheckpointFiles files = new CheckpointFiles(checkpoint)) {
            String head = HEADS.stream().filter(files::contains).findFirst().orElseThrow();
            SafetensorsFile file = files.fileOf(head);
            long[] shape = file.info(head).shape();
            NDArray weight = finalState.getManager().create(file.readFloats(head), new Shape(shape));
            return finalState.matMul(weight.transpose(1, 0));
        }
    }
}
