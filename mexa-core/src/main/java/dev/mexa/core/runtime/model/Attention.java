package dev.mexa.core.runtime.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import dev.mexa.core.runtime.checkpoint.ConfigReader;

/**
 * Scaled dot-product attention with grouped key/value heads, scores and softmax in float32, with the hooks the
 * families need: the query scaling (HF's {@code scaling}, {@code 1 / sqrt(head_dim)} by default), logit
 * soft-capping ({@code cap * tanh(score / cap)}, before the mask) and the window of the mask (per layer).
 *
 * @param heads query heads
 * @param kvHeads key/value heads; query head {@code h} reads key head {@code h / (heads / kvHeads)}
 * @param headDim the size of one head
 * @param scaling the factor on {@code q . k}
 * @param softCap the soft-capping bound, 0 for none
 */
record Attention(int heads, int kvHeads, int headDim, double scaling, double softCap) {

    /**
     * @param heads query heads
     * @param kvHeads key/value heads
     * @param headDim head size
     * @return plain attention scaled by {@code 1 / sqrt(headDim)}
     */
    static Attention standard(int heads, int kvHeads, int headDim) {
        return new Attention(heads, kvHeads, headDim, 1 / Math.sqrt(headDim), 0);
    }

    /**
     * Reads {@code num_key_value_heads}, as many as the query heads when absent, which must divide them.
     *
     * @param config the checkpoint's {@code config.json}
     * @param heads the query heads ({@code num_attention_heads})
     * @return the key/value heads
     * @throws dev.mexa.core.MexaException naming config.json and the key otherwise
     */
    static int kvHeads(ConfigReader config, int heads) {
        int kvHeads = config.count("num_key_value_heads", heads);
        if (heads % kvHeads != 0) {
            throw config.invalid("num_key_value_heads", "is " + kvHeads + ", which does not divide"
                    + " num_attention_heads " + heads);
        }
        return kvHeads;
    }

    /**
     * @param x {@code [B, T, heads * headDim]}
     * @param count the number of heads
     * @return {@code [B, heads, T, headDim]}
     */
    static NDArray splitHeads(NDArray x, int count) {
        Shape shape = x.getShape();
        return x.reshape(shape.get(0), shape.get(1), count, shape.get(2) / count).transpose(0, 2, 1, 3);
    }

    /**
     * Rotates query or key heads by their positions, as HuggingFace's {@code apply_rotary_pos_emb}; with partial
     * rotation only the first {@code dim} dimensions of each head turn and the rest pass unchanged.
     *
     * @param x {@code [B, heads, T, headDim]}
     * @param tables the batch's cosine and sine tables, {@code dim <= headDim} wide
     * @return the rotated heads
     */
    static NDArray rotate(NDArray x, BatchContext.RotaryTables tables) {
        long dim = tables.cos().getShape().get(3);
        long headDim = x.getShape().get(3);
        NDArray rotating = dim == headDim ? x : x.get("..., :{}", dim);
        NDArray first = rotating.get("..., :{}", dim / 2);
        NDArray second = rotating.get("..., {}:", dim / 2);
        NDArray halves = NDArrays.concat(new NDList(second.neg(), first), -1);
        NDArray rotated = rotating.mul(tables.cos()).add(halves.mul(tables.sin()));
        return dim == headDim ? rotated : NDArrays.concat(new NDList(rotated, x.get("..., {}:", dim)), -1);
    }

    /**
     * @param query {@code [B, heads, T, D]}
     * @param key {@code [B, kvHeads, T, D]}
     * @param value {@code [B, kvHeads, T, D]}
     * @param maskBias float32 {@code [B, 1, T, T]} from {@link BatchContext#mask}
     * @return {@code [B, T, heads * D]} in the compute type
     */
    NDArray attend(NDArray query, NDArray key, NDArray value, NDArray maskBias) {
        Shape shape = query.getShape();
        long batch = shape.get(0);
        long length = shape.get(2);
        long group = heads / kvHeads;
        NDArray grouped = query.reshape(batch, kvHeads, group * length, headDim);
        NDArray scores = grouped.matMul(key.transpose(0, 1, 3, 2)).toType(DataType.FLOAT32, false)
                .reshape(batch, heads, length, length).mul(scaling);
        if (softCap > 0) {
            scores = scores.div(softCap).tanh().mul(softCap);
        }
        NDArray weights = scores.add(maskBias).softmax(-1).toType(query.getDataType(), false)
                .reshape(batch, kvHeads, group * length, length);
        return weights.matMul(value).reshape(batch, heads, length, headDim).transpose(0, 2, 1, 3)
                .reshape(batch, length, (long) heads * headDim);
    }
}
