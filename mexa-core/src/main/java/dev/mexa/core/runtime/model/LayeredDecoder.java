package dev.mexa.core.runtime.model;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import dev.mexa.core.runtime.checkpoint.ModelConfig;
import java.util.function.ObjIntConsumer;
import java.util.function.Supplier;

/**
 * The forward pass every family shares: embed, run the layers one after the other, apply the final norm, hand
 * each hidden state to the caller and free each layer's intermediates. A family supplies the three steps.
 */
abstract class LayeredDecoder implements DecoderModel {

    private final ModelConfig config;
    private final NDManager manager;

    /**
     * @param config the model's configuration
     * @param manager holds the weights on the compute device; closed with the model
     */
    LayeredDecoder(ModelConfig config, NDManager manager) {
        this.config = config;
        this.manager = manager;
    }

    @Override
    public final ModelConfig config() {
        return config;
    }

    @Override
    public final Device device() {
        return manager.getDevice();
    }

    @Override
    public final void forward(NDArray inputIds, NDArray attentionMask, ObjIntConsumer<NDArray> states) {
        BatchContext context = new BatchContext(attentionMask);
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
     * @param inputIds int64 {@code [B, T]}
     * @return the embedding output {@code [B, T, hidden]}, in {@code inputIds}'s manager
     */
    abstract NDArray embed(NDArray inputIds);

    /**
     * @param index the layer number
     * @param x its input {@code [B, T, hidden]}
     * @param context the batch's masks and position tables
     * @return its output
     */
    abstract NDArray layer(int index, NDArray x, BatchContext context);

    /**
     * @param x the last layer's output
     * @return it after the final norm
     */
    abstract NDArray finalNorm(NDArray x);

    @Override
    public final void close() {
        manager.close();
    }
}
