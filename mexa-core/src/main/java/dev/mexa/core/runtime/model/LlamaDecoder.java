package dev.mexa.core.runtime.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import dev.mexa.core.MexaException;
import dev.mexa.core.runtime.checkpoint.CheckpointFiles;
import dev.mexa.core.runtime.checkpoint.ModelConfig;
import dev.mexa.core.runtime.checkpoint.WeightReader;
import java.util.ArrayList;
import java.util.List;

/**
 * The Llama family (llama, mistral, qwen2): token embedding, then per layer RMSNorm, rotary grouped-query
 * attention and a SwiGLU MLP, each added to the residual stream, then a final RMSNorm.
 */
final class LlamaDecoder extends DecoderModel {

    private static final String[] PREFIXES = {"model.", ""};

    private record Layer(NDArray inputNorm, Linear query, Linear key, Linear value, Linear output,
            NDArray postNorm, Linear gate, Linear up, Linear down) {
    }

    private final DataType computeType;
    private final NDArray embedding;
    private final List<Layer> layers = new ArrayList<>();
    private final NDArray norm;
    private final NDArray outputHead;
    private final NDArray embeddingTransposed;
    private final double[] inverseFrequencies;

    LlamaDecoder(ModelConfig config, CheckpointFiles files, NDManager manager, DataType computeType) {
        super(config, manager);
        this.computeType = computeType;
        String prefix = WeightReader.detectPrefix(files, PREFIXES, "embed_tokens.weight");
        WeightReader weights = new WeightReader(files, manager, computeType, prefix);
        long hidden = config.hidden();
        this.embedding = weights.read("embed_tokens.weight", config.vocabSize(), hidden);
        for (int i = 0; i < config.layers(); i++) {
            layers.add(readLayer(weights, config, "layers." + i + "."));
        }
        this.norm = weights.readFloat32("norm.weight", hidden);
        WeightReader root = new WeightReader(files, manager, computeType, "");
        this.outputHead = config.tiedEmbeddings() || !root.has("lm_head.weight") ? null
                : root.read("lm_head.weight", config.vocabSize(), hidden).transpose(1, 0);
        this.embeddingTransposed = embedding.transpose(1, 0);
        this.inverseFrequencies = config.rope().inverseFrequencies(config.headDim());
    }

    private static Layer readLayer(WeightReader weights, ModelConfig config, String prefix) {
        long hidden = config.hidden();
        long queryWidth = (long) config.heads() * config.headDim();
        long keyWidth = (long) config.kvHeads() * config.headDim();
        long inner = config.intermediate();
        return new Layer(
                weights.readFloat32(prefix + "input_layernorm.weight", hidden),
                linear(weights, prefix + "self_attn.q_proj", queryWidth, hidden, config.qkvBias()),
                linear(weights, prefix + "self_attn.k_proj", keyWidth, hidden, config.qkvBias()),
                linear(weights, prefix + "self_attn.v_proj", keyWidth, hidden, config.qkvBias()),
                linear(weights, prefix + "self_attn.o_proj", hidden, queryWidth, config.outputBias()),
                weights.readFloat32(prefix + "post_attention_layernorm.weight", hidden),
                linear(weights, prefix + "mlp.gate_proj", inner, hidden, config.mlpBias()),
                linear(weights, prefix + "mlp.up_proj", inner, hidden, config.mlpBias()),
                linear(weights, prefix + "mlp.down_proj", hidden, inner, config.mlpBias()));
    }

    private static Linear linear(WeightReader weights, String name, long out, long in, boolean bias) {
        return Linear.fromOutIn(weights.read(name + ".weight", out, in), bias ? weights.read(name + ".bias", out)
                : null);
    }

    @Override
    protected BatchContext context(NDArray attentionMask) {
        NDArray[] tables = BatchContext.rotaryTables(attentionMask.getManager(), inverseFrequencies,
                (int) attentionMask.getShape().get(1), computeType);
        return new BatchContext(BatchContext.maskBias(attentionMask, config().slidingWindow()), tables[0], tables[1]);
    }

    @Override
    protected NDArray embed(NDArray inputIds) {
        return embedding.get(inputIds.getManager(), new NDIndex("{}", inputIds));
    }

    @Override
    protected NDArray layer(int index, NDArray x, BatchContext context) {
        Layer layer = layers.get(index);
        double eps = config().normEps();
        NDArray normed = Norms.rms(x, layer.inputNorm(), eps);
        NDArray query = Attention.rotate(Attention.splitHeads(layer.query().apply(normed), config().heads()), context);
        NDArray key = Attention.rotate(Attention.splitHeads(layer.key().apply(normed), config().kvHeads()), context);
        NDArray value = Attention.splitHeads(layer.value().apply(normed), config().kvHeads());
        NDArray attended = x.add(layer.output().apply(Attention.attend(query, key, value, context)));
        NDArray mlpInput = Norms.rms(attended, layer.postNorm(), eps);
        NDArray gate = layer.gate().apply(mlpInput);
        NDArray activated = gate.mul(gate.getNDArrayInternal().sigmoid()).mul(layer.up().apply(mlpInput));
        return attended.add(layer.down().apply(activated));
    }

    @Override
    protected NDArray finalNorm(NDArray x) {
        return Norms.rms(x, norm, config().normEps());
    }

    @Override
    public NDArray logits(NDArray finalState) {
        if (outputHead == null && !config().tiedEmbeddings()) {
            throw new MexaException("The checkpoint of " + config().file() + " has no lm_head.weight and"
                    + " tie_word_embeddings is false: logits need the output head.");
        }
        return finalState.matMul(outputHead != null ? outputHead : embeddingTransposed);
    }
}
