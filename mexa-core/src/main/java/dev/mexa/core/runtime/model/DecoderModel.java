package dev.mexa.core.runtime.model;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import dev.mexa.core.runtime.checkpoint.ModelConfig;
import java.util.function.ObjIntConsumer;

/**
 * A loaded decoder-only transformer whose forward pass yields HuggingFace's {@code output_hidden_states}: the
 * embedding output, then each layer's output, the last one after the final norm ({@code layers + 1} states).
 */
public interface DecoderModel extends AutoCloseable {

    /** @return what every consumer needs: vocabulary, width, depth, token limit */
    ModelConfig config();

    /** @return the device the weights live on, where inputs must be created */
    Device device();

    /**
     * Runs the model over a right-padded batch.
     *
     * @param inputIds int64 {@code [B, T]}, padded on the right; its manager receives every intermediate
     * @param attentionMask {@code [B, T]}, 1 for real tokens, 0 for padding
     * @param states receives each hidden state {@code [B, T, hidden]} (compute type) with its index
     *     {@code 0..layers}; a state is closed once the next one exists, so copy or reduce what you keep
     */
    void forward(NDArray inputIds, NDArray attentionMask, ObjIntConsumer<NDArray> states);

    /** Releases the weights. */
    @Override
    void close();
}
