package dev.mexa.core.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An independent float64 forward pass for olmo, olmo2 and phi3 checkpoints, written with plain loops from
 * HuggingFace's OlmoModel, Olmo2Model and Phi3Model (transformers 4.49), for one unpadded sentence at a time.
 * Reads the weights by their HF names, so it runs the generated {@link OlmoPhiCheckpoint}s and the shared
 * HF-reference fixtures alike.
 */
public final class OlmoPhiReference {

    private static final double OLMO_LAYER_NORM_EPS = 1e-5;

    private final OlmoPhiModel m;
    private final Map<String, float[]> w;

    /**
     * @param model the shape and settings
     * @param weights every weight by its full HF name
     */
    public OlmoPhiReference(OlmoPhiModel model, Map<String, float[]> weights) {
        this.m = model;
        this.w = weights;
    }

    /** @param checkpoint a generated checkpoint */
    public OlmoPhiReference(OlmoPhiCheckpoint checkpoint) {
        this(checkpoint.model, checkpoint.weights);
    }

    /**
     * @param ids the sentence's token ids
     * @return {@code [layers + 1][T][hidden]}: embedding output, layer outputs, last one after the final norm
     */
    public double[][][] hiddenStates(int[] ids) {
        int length = ids.length;
        int h = m.hidden();
        float[] embedding = w.get("model.embed_tokens.weight");
        double[][] x = new double[length][h];
        for (int t = 0; t < length; t++) {
            for (int j = 0; j < h; j++) {
                x[t][j] = embedding[ids[t] * h + j];
            }
        }
        List<double[][]> states = new ArrayList<>();
        states.add(ReferenceMath.copy(x));
        for (int layer = 0; layer < m.layers(); layer++) {
            String p = "model.layers." + layer + ".";
            switch (m.modelType()) {
                case "olmo" -> olmoLayer(x, p);
                case "olmo2" -> olmo2Layer(x, p);
                case "phi3" -> phi3Layer(x, p);
                default -> throw new IllegalArgumentException(m.modelType());
            }
            if (layer < m.layers() - 1) {
                states.add(ReferenceMath.copy(x));
            }
        }
        states.add(m.modelType().equals("olmo") ? layerNorm(x) : rmsNorm(x, w.get("model.norm.weight")));
        return states.toArray(new double[0][][]);
    }

    /** OlmoDecoderLayer: parameter-free LayerNorm before attention and MLP, q/k/v clamped to +-clip_qkv. */
    private void olmoLayer(double[][] x, String p) {
        double[][] normed = layerNorm(x);
        double[][] q = clip(linear(normed, p + "self_attn.q_proj", m.attentionBias()));
        double[][] k = clip(linear(normed, p + "self_attn.k_proj", m.attentionBias()));
        double[][] v = clip(linear(normed, p + "self_attn.v_proj", m.attentionBias()));
        ReferenceMath.add(x, linear(attention(q, k, v), p + "self_attn.o_proj", m.attentionBias()));
        ReferenceMath.add(x, swiGlu(layerNorm(x), p));
    }

    /** Olmo2DecoderLayer: RMSNorm over the whole q and k projections; norms on the sublayer outputs only. */
    private void olmo2Layer(double[][] x, String p) {
        String a = p + "self_attn.";
        double[][] q = rmsNorm(linear(x, a + "q_proj", m.attentionBias()), w.get(a + "q_norm.weight"));
        double[][] k = rmsNorm(linear(x, a + "k_proj", m.attentionBias()), w.get(a + "k_norm.weight"));
        double[][] v = linear(x, a + "v_proj", m.attentionBias());
        double[][] attended = linear(attention(q, k, v), a + "o_proj", m.attentionBias());
        ReferenceMath.add(x, rmsNorm(attended, w.get(p + "post_attention_layernorm.weight")));
        ReferenceMath.add(x, rmsNorm(swiGlu(x, p), w.get(p + "post_feedforward_layernorm.weight")));
    }

    /** Phi3DecoderLayer: pre-norms, fused qkv_proj (q, k, v rows) and gate_up_proj (gate, up rows). */
    private void phi3Layer(double[][] x, String p) {
        double[][] qkv = linear(rmsNorm(x, w.get(p + "input_layernorm.weight")), p + "self_attn.qkv_proj", false);
        int q = m.heads() * m.headDim();
        int kv = m.kvHeads() * m.headDim();
        double[][] attended = attention(columns(qkv, 0, q), columns(qkv, q, kv), columns(qkv, q + kv, kv));
        ReferenceMath.add(x, linear(attended, p + "self_attn.o_proj", false));
        double[][] gateUp = linear(rmsNorm(x, w.get(p + "post_attention_layernorm.weight")), p + "mlp.gate_up_proj",
                false);
        int inner = m.intermediate();
        double[][] gate = columns(gateUp, 0, inner);
        double[][] up = columns(gateUp, inner, inner);
        ReferenceMath.add(x, linear(silu(gate, up), p + "mlp.down_proj", false));
    }

    private double[][] swiGlu(double[][] x, String p) {
        double[][] gate = linear(x, p + "mlp.gate_proj", false);
        double[][] up = linear(x, p + "mlp.up_proj", false);
        return linear(silu(gate, up), p + "mlp.down_proj", false);
    }

    private static double[][] silu(double[][] gate, double[][] up) {
        double[][] out = new double[gate.length][gate[0].length];
        for (int t = 0; t < gate.length; t++) {
            for (int j = 0; j < gate[t].length; j++) {
                out[t][j] = gate[t][j] / (1 + Math.exp(-gate[t][j])) * up[t][j];
            }
        }
        return out;
    }

    private double[][] clip(double[][] x) {
        if (m.clipQkv() > 0) {
            for (double[] row : x) {
                for (int j = 0; j < row.length; j++) {
                    row[j] = Math.max(-m.clipQkv(), Math.min(m.clipQkv(), row[j]));
                }
            }
        }
        return x;
    }

    /** Rotary positions on q and k, then causal (optionally windowed) softmax attention over grouped heads. */
    private double[][] attention(double[][] q, double[][] k, double[][] v) {
        int d = m.headDim();
        double[] inverse = inverseFrequencies(q.length);
        double scale = attentionFactor();
        ReferenceMath.rotate(q, m.heads(), d, inverse, scale);
        ReferenceMath.rotate(k, m.kvHeads(), d, inverse, scale);
        return ReferenceMath.attention(q, k, v, m.heads(), m.kvHeads(), d, 1 / Math.sqrt(d), 0, m.slidingWindow());
    }

    /**
     * HF's default and longrope inverse frequencies over the rotated part of a head: longrope divides each by the
     * long factor when the sequence is longer than original_max_position_embeddings, else by the short factor.
     */
    private double[] inverseFrequencies(int length) {
        int dim = m.rotaryDim();
        double[] inverse = new double[dim / 2];
        for (int i = 0; i < dim / 2; i++) {
            double divisor = 1;
            if (m.longrope() != null) {
                divisor = length > m.longrope().originalMaxPositions() ? m.longrope().longFactor()[i]
                        : m.longrope().shortFactor()[i];
            }
            inverse[i] = 1.0 / (divisor * Math.pow(m.ropeTheta(), (double) (2 * i) / dim));
        }
        return inverse;
    }

    /** Longrope's cos/sin multiplier sqrt(1 + ln(max / original) / ln(original)); 1 without scaling. */
    private double attentionFactor() {
        if (m.longrope() == null) {
            return 1;
        }
        double original = m.longrope().originalMaxPositions();
        double factor = m.longrope().maxPositions() / original;
        return factor <= 1 ? 1 : Math.sqrt(1 + Math.log(factor) / Math.log(original));
    }

    private double[][] rmsNorm(double[][] x, float[] weight) {
        return ReferenceMath.rmsNorm(x, weight, m.rmsNormEps());
    }

    /** OlmoLayerNorm: {@code F.layer_norm} without weight or bias, eps 1e-5. */
    private static double[][] layerNorm(double[][] x) {
        return ReferenceMath.layerNorm(x, null, null, OLMO_LAYER_NORM_EPS);
    }

    /** y = x W^T + b with W stored [out, in] (torch.nn.Linear). */
    private double[][] linear(double[][] x, String name, boolean bias) {
        float[] weight = w.get(name + ".weight");
        return ReferenceMath.linear(x, weight, bias ? w.get(name + ".bias") : null, weight.length / x[0].length);
    }

    private static double[][] columns(double[][] x, int from, int count) {
        double[][] out = new double[x.length][count];
        for (int t = 0; t < x.length; t++) {
            System.arraycopy(x[t], from, out[t], 0, count);
        }
        return out;
    }
}
