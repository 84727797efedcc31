package dev.mexa.core.runtime.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

/** Scaled dot-product attention with grouped key/value heads; scores and softmax in float32. */
final class Attention {

    private Attention() {
    }

    /**
     * @param x {@code [B, T, heads * headDim]}
     * @param heads the number of heads
     * @return {@code [B, heads, T, headDim]}
     */
    static NDArray splitHeads(NDArray x, int heads) {
        Shape shape = x.getShape();
        return x.reshape(shape.get(0), shape.get(1), heads, shape.get(2) / heads).transpose(0, 2, 1, 3);
    }

    /**
     * Rotates query or key heads by their positions, as HuggingFace's {@code apply_rotary_pos_emb}.
     *
     * @param x {@code [B, heads, T, headDim]}
     * @param context the batch's cosine and sine tables
     * @return the rotated heads
     */
    static NDArray rotate(NDArray x, BatchContext context) {
        long half = x.getShape().get(3) / 2;
        NDArray first = x.get("..., :{}", half);
        NDArray second = x.get("..., {}:", half);
        NDArray rotated = NDArrays.concat(new NDList(second.neg(), first), -1);
        return x.mul(context.cos()).add(rotated.mul(context.sin()));
    }

    /**
     * @param query {@code [B, heads, T, D]}
     * @param key {@code [B, kvHeads, T, D]}; query head {@code h} reads key head {@code h / (heads / kvHeads)}
     * @param value {@code [B, kvHeads, T, D]}
     * @param context the batch's mask
     * @return {@code [B, T, heads * D]} in the compute type
     */
    static NDArray attend(NDArray query, NDArray key, NDArray value, BatchContext context) {
        Shape shape = query.getShape();
        long batch = shape.get(0);
        long heads = shape.get(1);
        long length = shape.get(2);
        long headDim = shape.get(3);
        long kvHeads = key.getShape().get(1);
        NDArray grouped = query.reshape(batch, kvHeads, heads / kvHeads * length, headDim);
        NDArray scores = grouped.matMul(key.transpose(0, 1, 3, 2)).toType(DataType.FLOAT32, false)
                .reshape(batch, heads, length, length).mul(1.0 / Math.sqrt(headDim)).add(context.maskBias());
        NDArray weights = scores.softmax(-1).toType(query.getDataType(), false)
                .reshape(batch, kvHeads, heads / kvHeads * length, length);
        return weights.matMul(value).reshape(batch, heads, length, headDim).transpose(0, 2, 1, 3)
                .reshape(batch, length, heads * headDim);
    }
}
