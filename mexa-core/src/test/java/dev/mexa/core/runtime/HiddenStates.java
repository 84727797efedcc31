package dev.mexa.core.runtime;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import dev.mexa.core.runtime.model.DecoderModel;
import java.util.List;

/** Runs a model over sentences as one right-padded batch and keeps each sentence's unpadded hidden states. */
final class HiddenStates {

    private HiddenStates() {
    }

    /**
     * @param model the model
     * @param sentences token ids, one array per sentence
     * @param manager receives the inputs
     * @return {@code [layers + 1][sentence][tokens * hidden]}
     */
    static float[][][] of(DecoderModel model, List<long[]> sentences, NDManager manager) {
        int[] order = new int[sentences.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        TokenBatch batch = new TokenBatch(order, sentences);
        float[][][] states = new float[model.config().layers() + 1][sentences.size()][];
        model.forward(batch.ids(manager), batch.mask(manager), (state, layer) -> {
            for (int row = 0; row < sentences.size(); row++) {
                states[layer][row] = state.get(new NDIndex("{}, :{}", row, sentences.get(row).length)).toFloatArray();
            }
        });
        return states;
    }
}
