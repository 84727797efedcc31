package dev.mexa.core.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An independent float64 forward pass for {@link GemmaCheckpoint} models, written with plain loops from HuggingFace's
 * GemmaModel, Gemma2Model and Gemma3TextModel, for one unpadded sentence at a time:
 * <ul>
 * <li>embedding times {@code sqrt(hidden)}, that factor rounded to float32 as HF rounds it to the compute type;</li>
 * <li>RMSNorm {@code x / sqrt(mean(x^2) + eps) * (1 + w)};</li>
 * <li>gemma: {@code x += attn(norm(x)); x += mlp(norm(x))}; gemma2 and gemma3_text wrap each sublayer's output in
 * a second norm: {@code x += post_attention_norm(attn(input_norm(x))); x += post_ff_norm(mlp(pre_ff_norm(x)))};</li>
 * <li>attention scores {@code q.k * query_pre_attn_scalar^-1/2} (gemma: {@code head_dim^-1/2}), then
 * {@code cap * tanh(s / cap)}, then the causal mask, narrowed to the window on sliding layers (key s visible from
 * query t iff {@code t - window < s <= t});</li>
 * <li>gemma3_text: per-head q_norm and k_norm before the rotation; sliding layers rotate with
 * {@code rope_local_base_freq}, global ones with {@code rope_theta} and the linear factor;</li>
 * <li>MLP {@code down(gelu_tanh(gate(x)) * up(x))}.</li>
 * </ul>
 */
public final class GemmaReference {

    private static final double EPS = 1e-6;

    private final TinyGemma m;
    private final Map<String, float[]> w;

    /** @param checkpoint the generated checkpoint whose weights to use */
    public GemmaReference(GemmaCheckpoint checkpoint) {
        this(checkpoint.model(), checkpoint.weights());
    }

    /**
     * @param model the shape
     * @param weights every weight by its HuggingFace name, widened to float
     */
    public GemmaReference(TinyGemma model, Map<String, float[]> weights) {
        this.m = model;
        this.w = weights;
    }

    /**
     * @param ids the sentence's token ids
     * @return {@code [layers + 1][T][hidden]}: embedding output, layer outputs, last one after the final norm
     */
    public double[][][] hiddenStates(int[] ids) {
        int length = ids.length;
        int h = m.hidden();
        double normalizer = (float) Math.sqrt(h);
        float[] embedding = w.get("model.embed_tokens.weight");
        double[][] x = new double[length][h];
        for (int t = 0; t < length; t++) {
            for (int j = 0; j < h; j++) {
                x[t][j] = embedding[ids[t] * h + j] * normalizer;
            }
        }
        List<double[][]> states = new ArrayList<>();
        states.add(ReferenceMath.copy(x));
        for (int layer = 0; layer < m.layers(); layer++) {
            String p = "model.layers." + layer + ".";
            double[][] attended = attention(norm(x, p + "input_layernorm"), layer, p + "self_attn.");
            ReferenceMath.add(x, m.sandwichNorms() ? norm(attended, p + "post_attention_layernorm") : attended);
            double[][] mlpInput = norm(x, p + (m.sandwichNorms() ? "pre_feedforward_layernorm"
                    : "post_attention_layernorm"));
            double[][] mlp = mlp(mlpInput, p + "mlp.");
            ReferenceMath.add(x, m.sandwichNorms() ? norm(mlp, p + "post_feedforward_layernorm") : mlp);
            if (layer < m.layers() - 1) {
                states.add(ReferenceMath.copy(x));
            }
        }
        states.add(norm(x, "model.norm"));
        return states.toArray(new double[0][][]);
    }

    private double[][] attention(double[][] x, int layer, String p) {
        int d = m.headDim();
        double[][] q = linear(x, p + "q_proj", m.heads() * d);
        double[][] k = linear(x, p + "k_proj", m.kvHeads() * d);
        double[][] v = linear(x, p + "v_proj", m.kvHeads() * d);
        if (m.queryKeyNorms()) {
            q = headNorm(q, p + "q_norm", m.heads());
            k = headNorm(k, p + "k_norm", m.kvHeads());
        }
        double[] inverse = inverseFrequencies(layer);
        ReferenceMath.rotate(q, m.heads(), d, inverse, 1);
        ReferenceMath.rotate(k, m.kvHeads(), d, inverse, 1);
        double scaling = 1 / Math.sqrt(m.modelType().equals("gemma") ? d : m.queryScalar());
        int window = m.sliding(layer) ? m.slidingWindow() : 0;
        double[][] out = ReferenceMath.attention(q, k, v, m.heads(), m.kvHeads(), d, scaling, m.softcap(), window);
        return linear(out, p + "o_proj", m.hidden());
    }

    private double[] inverseFrequencies(int layer) {
        boolean local = m.queryKeyNorms() && m.sliding(layer);
        double theta = local ? m.localTheta() : m.ropeTheta();
        double factor = !local && m.linearFactor() > 0 ? m.linearFactor() : 1;
        int d = m.headDim();
        double[] inverse = new double[d / 2];
        for (int i = 0; i < d / 2; i++) {
            inverse[i] = 1.0 / Math.pow(theta, (double) (2 * i) / d) / factor;
        }
        return inverse;
    }

    private double[][] mlp(double[][] x, String p) {
        double[][] gate = linear(x, p + "gate_proj", m.intermediate());
        double[][] up = linear(x, p + "up_proj", m.intermediate());
        for (int t = 0; t < x.length; t++) {
            for (int j = 0; j < m.intermediate(); j++) {
                gate[t][j] = ReferenceMath.geluTanh(gate[t][j]) * up[t][j];
            }
        }
        return linear(gate, p + "down_proj", m.hidden());
    }

    /** Gemma's RMSNorm over each row: {@code x / sqrt(mean(x^2) + eps) * (1 + w)}, {@code 1 + w} in float32. */
    private double[][] norm(double[][] x, String name) {
        float[] weight = w.get(name + ".weight");
        float[] onePlus = new float[weight.length];
        for (int j = 0; j < weight.length; j++) {
            onePlus[j] = 1 + weight[j];
        }
        return ReferenceMath.rmsNorm(x, onePlus, EPS);
    }

    /** The same norm over each head's {@code head_dim} slice (gemma3_text's q_norm and k_norm). */
    private double[][] headNorm(double[][] x, String name, int heads) {
        int d = m.headDim();
        double[][] rows = new double[x.length * heads][];
        for (int t = 0; t < x.length; t++) {
            for (int head = 0; head < heads; head++) {
                rows[t * heads + head] = java.util.Arrays.copyOfRange(x[t], head * d, head * d + d);
            }
        }
        double[][] normed = norm(rows, name);
        double[][] out = new double[x.length][heads * d];
        for (int t = 0; t < x.length; t++) {
            for (int head = 0; head < heads; head++) {
                System.arraycopy(normed[t * heads + head], 0, out[t], head * d, d);
            }
        }
        return out;
    }

    /** y = x W^T (+ b when the checkpoint has attention biases) with W stored [out, in]. */
    private double[][] linear(double[][] x, String name, int outputs) {
        return ReferenceMath.linear(x, w.get(name + ".weight"), w.get(name + ".bias"), outputs);
    }
}
