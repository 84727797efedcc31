package dev.mexa.core.runtime.model;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import dev.mexa.core.runtime.checkpoint.ModelConfig;
import java.util.function.ObjIntConsumer;
import java.util.function.Supplier;

/**
 * A decoder-only transformer whose forward pass yields HuggingFace's {@code output_hidden_states}: the embedding
 * output, then each layer's output, the last one after the final norm ({@code layers + 1} states). Subclasses
 * supply the embedding, the layers and the final norm; this class runs them, freeing each layer's intermediates.
 */
public abstract class DecoderModel implements AutoCloseable {

    private final ModelConfig config;
    private final NDManager manager;

    /**
     * @param config the model's configuration
     * @param manager holds the weights on the compute device; closed with the model
     */
    protected DecoderModel(ModelConfig config, NDManager manager) {
        this.config = config;
        this.manager = manager;
    }

    /** @return the device the weights live on, where inputs must be created */
    public Device device() {
        return manager.getDevice();
    }

    /** @return the model's configuration */
    public ModelConfig config() {
        return config;
    }

    /**
     * Runs the model over a right-padded batch.
     *
     * @param inputIds int64 {@code [B, T]}, padded on the right; its manager receives every result
     * @param attentionMask {@code [B, T]}, 1 for real tokens, 0 for padding
     * @param states receives each hidden state {@code [B, T, hidden]} (compute type) with its index
     *     {@code 0..layers}; a state is closed once the next one exists, so copy or reduce what you keep
     */
    public void forward(NDArray inputIds, NDArray attentionMask, ObjIntConsumer<NDArray> states) {
        BatchContext context = context(attentionMask);
        NDArray x = scoped(() -> embed(inputIds));
        for (int layer = 0; layer < config.layers(); layer++) {
            states.accept(x, layer);
            NDArray input = x;
            int index = layer;
            x = scoped(() -> layer(index, input, context));
            input.close();
        }
        NDArray last = x;
        NDArray normed = scoped(() -> finalNorm(last));
        last.close();
        states.accept(normed, config.layers());
        normed.close();
    }

    private static NDArray scoped(Supplier<NDArray> step) {
        try (NDScope scope = new NDScope()) {
            NDArray result = step.get();
            NDScope.unregister(result);
            return result;
        }
    }

    /**
     * @param finalState the last hidden state (after the final norm), {@code [B, T, hidden]}
     * @return the next-token logits {@code [B, T, vocab]}
     */
    public abstract NDArray logits(NDArray finalState);

    /**
     * @param attentionMask {@code [B, T]}
     * @return the mask bias and, for rotary models, the position tables of this batch
     */
    protected abstract BatchContext context(NDArray attentionMask);

    /**
     * @param inputIds int64 {@code [B, T]}
     * @return the embedding output {@code [B, T, hidden]}, in {@code inputIds}'s manager
     */
    protected abstract NDArray embed(NDArray inputIds);

    /**
     * @param index the layer number
     * @param x its input {@code [B, T, hidden]}
     * @param context the batch's mask and position tables
     * @return its output
     */
    protected abstract NDArray layer(int index, NDArray x, BatchContext context);

    /**
     * @param x the last layer's output
     * @return it after the final norm
     */
    protected abstract NDArray finalNorm(NDArray x);

    /** Releases the weights. */
    @Override
    public void close() {
        manager.close();
    }
}
