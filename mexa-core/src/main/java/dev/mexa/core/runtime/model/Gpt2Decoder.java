package dev.mexa.core.runtime.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import dev.mexa.core.runtime.checkpoint.CheckpointFiles;
import dev.mexa.core.runtime.checkpoint.ModelConfig;
import dev.mexa.core.runtime.checkpoint.WeightReader;
import java.util.ArrayList;
import java.util.List;

/**
 * GPT-2: token plus learned position embeddings, then per layer LayerNorm, fused-projection attention and a
 * gelu_new MLP, each added to the residual stream, then a final LayerNorm. Conv1D weights are stored
 * {@code [in, out]}; the output head is tied to the token embedding.
 */
final class Gpt2Decoder extends DecoderModel {

    private static final String[] PREFIXES = {"transformer.", ""};
    private static final double GELU_SCALE = Math.sqrt(2 / Math.PI);

    private record Layer(NDArray norm1Weight, NDArray norm1Bias, Linear attention, Linear projection,
            NDArray norm2Weight, NDArray norm2Bias, Linear expand, Linear contract) {
    }

    private final NDArray tokens;
    private final NDArray positions;
    private final List<Layer> layers = new ArrayList<>();
    private final NDArray finalWeight;
    private final NDArray finalBias;
    private final NDArray tokensTransposed;

    Gpt2Decoder(ModelConfig config, CheckpointFiles files, NDManager manager, DataType computeType) {
        super(config, manager);
        String prefix = WeightReader.detectPrefix(files, PREFIXES, "wte.weight");
        WeightReader weights = new WeightReader(files, manager, computeType, prefix);
        long hidden = config.hidden();
        this.tokens = weights.read("wte.weight", config.vocabSize(), hidden);
        this.positions = weights.read("wpe.weight", config.maxPositions(), hidden);
        for (int i = 0; i < config.layers(); i++) {
            String layer = "h." + i + ".";
            layers.add(new Layer(
                    weights.readFloat32(layer + "ln_1.weight", hidden),
                    weights.readFloat32(layer + "ln_1.bias", hidden),
                    conv1d(weights, layer + "attn.c_attn", hidden, 3 * hidden),
                    conv1d(weights, layer + "attn.c_proj", hidden, hidden),
                    weights.readFloat32(layer + "ln_2.weight", hidden),
                    weights.readFloat32(layer + "ln_2.bias", hidden),
                    conv1d(weights, layer + "mlp.c_fc", hidden, config.intermediate()),
                    conv1d(weights, layer + "mlp.c_proj", config.intermediate(), hidden)));
        }
        this.finalWeight = weights.readFloat32("ln_f.weight", hidden);
        this.finalBias = weights.readFloat32("ln_f.bias", hidden);
        this.tokensTransposed = tokens.transpose(1, 0);
    }

    private static Linear conv1d(WeightReader weights, String name, long in, long out) {
        return new Linear(weights.read(name + ".weight", in, out), weights.read(name + ".bias", out));
    }

    @Override
    protected BatchContext context(NDArray attentionMask) {
        return new BatchContext(BatchContext.maskBias(attentionMask, 0), null, null);
    }

    @Override
    protected NDArray embed(NDArray inputIds) {
        NDManager batch = inputIds.getManager();
        long length = inputIds.getShape().get(1);
        return tokens.get(batch, new NDIndex("{}", inputIds)).add(positions.get(batch, new NDIndex(":{}", length)));
    }

    @Override
    protected NDArray layer(int index, NDArray x, BatchContext context) {
        Layer layer = layers.get(index);
        double eps = config().normEps();
        NDList fused = layer.attention().apply(Norms.layer(x, layer.norm1Weight(), layer.norm1Bias(), eps))
                .split(3, 2);
        int heads = config().heads();
        NDArray attended = Attention.attend(Attention.splitHeads(fused.get(0), heads),
                Attention.splitHeads(fused.get(1), heads), Attention.splitHeads(fused.get(2), heads), context);
        NDArray residual = x.add(layer.projection().apply(attended));
        NDArray expanded = layer.expand().apply(Norms.layer(residual, layer.norm2Weight(), layer.norm2Bias(), eps));
        return residual.add(layer.contract().apply(geluNew(expanded)));
    }

    /** gelu_new: {@code 0.5 x (1 + tanh(sqrt(2 / pi) (x + 0.044715 x^3)))}. */
    private static NDArray geluNew(NDArray x) {
        NDArray inner = x.add(x.pow(3).mul(0.044715)).mul(GELU_SCALE);
        return x.mul(0.5).mul(inner.tanh().add(1));
    }

    @Override
    protected NDArray finalNorm(NDArray x) {
        return Norms.layer(x, finalWeight, finalBias, config().normEps());
    }

    @Override
    public NDArray logits(NDArray finalState) {
        return finalState.matMul(tokensTransposed);
    }
}
