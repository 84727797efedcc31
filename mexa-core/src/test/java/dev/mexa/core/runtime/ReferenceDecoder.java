package dev.mexa.core.runtime;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An independent float64 forward pass for {@link TinyCheckpoint} models, written with plain loops from the
 * HuggingFace modelling code (LlamaModel, MistralModel, Qwen2Model, GPT2Model), for one unpadded sentence at a time.
 * Deliberately simple: no batching, no masking tricks, every sum spelled out.
 */
public final class ReferenceDecoder {

    private final TinyModel m;
    private final Map<String, float[]> w;

    /** @param checkpoint the generated checkpoint whose weights to use */
    public ReferenceDecoder(TinyCheckpoint checkpoint) {
        this.m = checkpoint.model;
        this.w = checkpoint.weights;
    }

    /**
     * @param ids the sentence's token ids
     * @return {@code [layers + 1][T][hidden]}: embedding output, layer outputs, last one after the final norm
     */
    public double[][][] hiddenStates(int[] ids) {
        return m.isGpt2() ? gpt2(ids) : llama(ids);
    }

    /**
     * @param states the hidden states of one sentence
     * @param lastToken true for last-token, false for weighted-average
     * @return {@code [layers + 1][hidden]}
     */
    public static double[][] pool(double[][][] states, boolean lastToken) {
        double[][] pooled = new double[states.length][];
        for (int layer = 0; layer < states.length; layer++) {
            int length = states[layer].length;
            int hidden = states[layer][0].length;
            pooled[layer] = new double[hidden];
            double total = 0;
            for (int t = 0; t < length; t++) {
                double weight = lastToken ? (t == length - 1 ? 1 : 0) : t + 1;
                total += weight;
                for (int j = 0; j < hidden; j++) {
                    pooled[layer][j] += weight * states[layer][t][j];
                }
            }
            for (int j = 0; j < hidden; j++) {
                pooled[layer][j] /= total;
            }
        }
        return pooled;
    }

    private double[][][] llama(int[] ids) {
        int length = ids.length;
        int h = m.hidden();
        List<double[][]> states = new ArrayList<>();
        double[][] x = new double[length][h];
        float[] embedding = w.get("model.embed_tokens.weight");
        for (int t = 0; t < length; t++) {
            for (int j = 0; j < h; j++) {
                x[t][j] = embedding[ids[t] * h + j];
            }
        }
        states.add(ReferenceMath.copy(x));
        for (int layer = 0; layer < m.layers(); layer++) {
            String p = "model.layers." + layer + ".";
            double[][] normed = rmsNorm(x, w.get(p + "input_layernorm.weight"));
            double[][] q = linearOutIn(normed, p + "self_attn.q_proj", m.heads() * m.headDim(), m.qkvBias());
            double[][] k = linearOutIn(normed, p + "self_attn.k_proj", m.kvHeads() * m.headDim(), m.qkvBias());
            double[][] v = linearOutIn(normed, p + "self_attn.v_proj", m.kvHeads() * m.headDim(), m.qkvBias());
            if (m.headNorms()) {
                headNorm(q, m.heads(), w.get(p + "self_attn.q_norm.weight"));
                headNorm(k, m.kvHeads(), w.get(p + "self_attn.k_norm.weight"));
            }
            rope(q, m.heads());
            rope(k, m.kvHeads());
            double[][] attended = attention(q, k, v, m.heads(), m.kvHeads(), m.headDim(), m.windowOf(layer));
            double[][] out = linearOutIn(attended, p + "self_attn.o_proj", h, m.bias());
            ReferenceMath.add(x, out);
            double[][] normed2 = rmsNorm(x, w.get(p + "post_attention_layernorm.weight"));
            double[][] gate = linearOutIn(normed2, p + "mlp.gate_proj", m.intermediate(), false);
            double[][] up = linearOutIn(normed2, p + "mlp.up_proj", m.intermediate(), false);
            for (int t = 0; t < length; t++) {
                for (int j = 0; j < m.intermediate(); j++) {
                    double g = gate[t][j];
                    gate[t][j] = g / (1 + Math.exp(-g)) * up[t][j];
                }
            }
            ReferenceMath.add(x, linearOutIn(gate, p + "mlp.down_proj", h, false));
            if (layer < m.layers() - 1) {
                states.add(ReferenceMath.copy(x));
            }
        }
        states.add(rmsNorm(x, w.get("model.norm.weight")));
        return states.toArray(new double[0][][]);
    }

    /**
     * @param finalState the last hidden state of one sentence {@code [T][hidden]}
     * @return logits {@code [T][vocab]}
     */
    public double[][] logits(double[][] finalState) {
        String head = m.isGpt2() ? "transformer.wte.weight" : m.tied() ? "model.embed_tokens.weight" : "lm_head.weight";
        float[] weight = w.get(head);
        int vocab = m.vocabSize();
        double[][] logits = new double[finalState.length][vocab];
        for (int t = 0; t < finalState.length; t++) {
            for (int token = 0; token < vocab; token++) {
                for (int j = 0; j < m.hidden(); j++) {
                    logits[t][token] += weight[token * m.hidden() + j] * finalState[t][j];
                }
            }
        }
        return logits;
    }

    private double[][] rmsNorm(double[][] x, float[] weight) {
        return ReferenceMath.rmsNorm(x, weight, 1e-6);
    }

    /** Qwen3's q_norm / k_norm: an RMSNorm over each head's head_dim values, in place. */
    private void headNorm(double[][] x, int heads, float[] weight) {
        int d = m.headDim();
        for (double[] row : x) {
            for (int head = 0; head < heads; head++) {
                double sumSquares = 0;
                for (int i = 0; i < d; i++) {
                    sumSquares += row[head * d + i] * row[head * d + i];
                }
                double inverse = 1 / Math.sqrt(sumSquares / d + 1e-6);
                for (int i = 0; i < d; i++) {
                    row[head * d + i] = weight[i] * row[head * d + i] * inverse;
                }
            }
        }
    }

    /** y = x W^T + b with W stored [out, in] (torch.nn.Linear). */
    private double[][] linearOutIn(double[][] x, String name, int outputs, boolean bias) {
        return ReferenceMath.linear(x, w.get(name + ".weight"), bias ? w.get(name + ".bias") : null, outputs);
    }

    /** y = x W + b with W stored [in, out] (GPT-2's Conv1D). */
    private double[][] linearInOut(double[][] x, String name, int outputs) {
        float[] weight = w.get(name + ".weight");
        float[] b = w.get(name + ".bias");
        int inputs = x[0].length;
        double[][] y = new double[x.length][outputs];
        for (int t = 0; t < x.length; t++) {
            for (int o = 0; o < outputs; o++) {
                double sum = b[o];
                for (int i = 0; i < inputs; i++) {
                    sum += x[t][i] * weight[i * outputs + o];
                }
                y[t][o] = sum;
            }
        }
        return y;
    }

    /** Rotates every head of x in place; HF's rotate_half pairs dimension i with i + D/2. */
    private void rope(double[][] x, int heads) {
        int d = m.headDim();
        JsonObject scaling = m.ropeScaling() == null ? null : JsonParser.parseString(m.ropeScaling())
                .getAsJsonObject();
        double[] inverse = scaling == null ? inverseFrequencies(d) : scaledFrequencies(scaling, d, x.length);
        ReferenceMath.rotate(x, heads, d, inverse, scaling == null ? 1 : attentionFactor(scaling));
    }

    /**
     * HF's linear, dynamic (for this sentence's length), yarn and longrope inverse frequencies, transcribed from
     * modeling_rope_utils (no original_max_position_embeddings, beta 32 / 1, truncation on).
     */
    private double[] scaledFrequencies(JsonObject scaling, int d, int length) {
        String type = scaling.get("rope_type").getAsString();
        double theta = m.ropeTheta();
        double[] inverse = new double[d / 2];
        for (int i = 0; i < d / 2; i++) {
            double exponent = (double) (2 * i) / d;
            inverse[i] = switch (type) {
                case "linear" -> 1.0 / Math.pow(theta, exponent) / scaling.get("factor").getAsDouble();
                case "dynamic" -> {
                    double factor = scaling.get("factor").getAsDouble();
                    double positions = m.maxPositions();
                    double seen = Math.max(length, positions);
                    double base = theta * Math.pow(factor * seen / positions - (factor - 1), d / (d - 2.0));
                    yield 1.0 / Math.pow(base, exponent);
                }
                case "yarn" -> {
                    double factor = scaling.get("factor").getAsDouble();
                    double low = Math.max(Math.floor(d * Math.log(m.maxPositions() / (32 * 2 * Math.PI))
                            / (2 * Math.log(theta))), 0);
                    double high = Math.min(Math.ceil(d * Math.log(m.maxPositions() / (1 * 2 * Math.PI))
                            / (2 * Math.log(theta))), d - 1);
                    double ramp = Math.min(1, Math.max(0, (i - low) / (high == low ? 0.001 : high - low)));
                    double extrapolation = 1.0 / Math.pow(theta, exponent);
                    yield extrapolation / factor * ramp + extrapolation * (1 - ramp);
                }
                case "longrope" -> {
                    String key = length > m.maxPositions() / 4 ? "long_factor" : "short_factor";
                    yield 1.0 / (scaling.getAsJsonArray(key).get(i).getAsDouble() * Math.pow(theta, exponent));
                }
                default -> throw new AssertionError(type);
            };
        }
        return inverse;
    }

    /** yarn: 0.1 ln(factor) + 1; longrope with the context a quarter of max_position_embeddings: sqrt(1 + ln 4 / ln c). */
    private double attentionFactor(JsonObject scaling) {
        return switch (scaling.get("rope_type").getAsString()) {
            case "yarn" -> 0.1 * Math.log(scaling.get("factor").getAsDouble()) + 1;
            case "longrope" -> Math.sqrt(1 + Math.log(4) / Math.log(m.maxPositions() / 4.0));
            default -> 1;
        };
    }

    /** HF's _compute_default_rope_parameters and _compute_llama3_parameters, transcribed. */
    private double[] inverseFrequencies(int d) {
        double[] inverse = new double[d / 2];
        for (int i = 0; i < d / 2; i++) {
            inverse[i] = 1.0 / Math.pow(m.ropeTheta(), (double) (2 * i) / d);
        }
        if (m.llama3() == null) {
            return inverse;
        }
        double factor = m.llama3()[0];
        double lowFactor = m.llama3()[1];
        double highFactor = m.llama3()[2];
        double old = m.llama3()[3];
        double lowWavelen = old / lowFactor;
        double highWavelen = old / highFactor;
        double[] scaled = new double[d / 2];
        for (int i = 0; i < d / 2; i++) {
            double wavelen = 2 * Math.PI / inverse[i];
            double llama = wavelen > lowWavelen ? inverse[i] / factor : inverse[i];
            double smooth = (old / wavelen - lowFactor) / (highFactor - lowFactor);
            double smoothed = (1 - smooth) * llama / factor + smooth * llama;
            boolean medium = !(wavelen < highWavelen) && !(wavelen > lowWavelen);
            scaled[i] = medium ? smoothed : llama;
        }
        return scaled;
    }

    private static double[][] attention(double[][] q, double[][] k, double[][] v, int heads, int kvHeads, int d,
            int window) {
        return ReferenceMath.attention(q, k, v, heads, kvHeads, d, 1 / Math.sqrt(d), 0, window);
    }

    private double[][][] gpt2(int[] ids) {
        int length = ids.length;
        int h = m.hidden();
        String p = "transformer.";
        float[] wte = w.get(p + "wte.weight");
        float[] wpe = w.get(p + "wpe.weight");
        double[][] x = new double[length][h];
        for (int t = 0; t < length; t++) {
            for (int j = 0; j < h; j++) {
                x[t][j] = wte[ids[t] * h + j] + wpe[t * h + j];
            }
        }
        List<double[][]> states = new ArrayList<>();
        for (int layer = 0; layer < m.layers(); layer++) {
            states.add(ReferenceMath.copy(x));
            String l = p + "h." + layer + ".";
            double[][] qkv = linearInOut(layerNorm(x, l + "ln_1"), l + "attn.c_attn", 3 * h);
            double[][] q = new double[length][h];
            double[][] k = new double[length][h];
            double[][] v = new double[length][h];
            for (int t = 0; t < length; t++) {
                System.arraycopy(qkv[t], 0, q[t], 0, h);
                System.arraycopy(qkv[t], h, k[t], 0, h);
                System.arraycopy(qkv[t], 2 * h, v[t], 0, h);
            }
            double[][] attended = attention(q, k, v, m.heads(), m.heads(), h / m.heads(), 0);
            ReferenceMath.add(x, linearInOut(attended, l + "attn.c_proj", h));
            double[][] inner = linearInOut(layerNorm(x, l + "ln_2"), l + "mlp.c_fc", m.intermediate());
            for (double[] row : inner) {
                for (int j = 0; j < row.length; j++) {
                    row[j] = ReferenceMath.geluTanh(row[j]);
                }
            }
            ReferenceMath.add(x, linearInOut(inner, l + "mlp.c_proj", h));
        }
        states.add(layerNorm(x, p + "ln_f"));
        return states.toArray(new double[0][][]);
    }

    private double[][] layerNorm(double[][] x, String name) {
        return ReferenceMath.layerNorm(x, w.get(name + ".weight"), w.get(name + ".bias"), 1e-5);
    }
}
