/**
 * Decoder families and the building blocks they share.
 *
 * <p>One type per family, as HF keeps one modelling file per family ({@code LlamaFamily} serves llama, mistral and
 * qwen2; {@code Gpt2Family} gpt2). A family declares the {@code model_type}s it serves, reads and checks its own
 * {@code config.json} keys, loads its own weights and computes its own layer. {@code DecoderFamilies} finds it by
 * {@code model_type}; {@link dev.mexa.core.runtime.model.DecoderCheckpoint} reads a checkpoint's configuration
 * (cheap, so mistakes surface first) and loads the {@link dev.mexa.core.runtime.model.DecoderModel}. A directory
 * holding {@code model.pt} is a TorchScript export instead, run by {@code TorchScriptDecoder} for architectures no
 * family implements.
 *
 * <h2>Adding a family</h2>
 * <ol>
 *   <li>Write {@code XyzFamily extends DecoderFamily} in this package: its constructor names the family, whether
 *       float16 is safe (false when activations overflow float16, as Gemma's do) and its {@code model_type}s;
 *       {@code configure(modelType, config)} reads every key the family uses through
 *       {@code AttentionShape} (hidden size, heads, key/value heads, head size) and
 *       {@link dev.mexa.core.runtime.checkpoint.ConfigReader} (strict types, errors naming config.json and the key),
 *       its rotary embedding through {@link dev.mexa.core.runtime.rope.RopeConfig}, into the family's
 *       {@code Settings} record, and returns a {@code DecoderSpec} of the common
 *       {@link dev.mexa.core.runtime.checkpoint.ModelConfig} and the family's decoder
 *       ({@code DecoderSpec.underModel} for weights HF names {@code model.*}).</li>
 *   <li>That decoder is a {@code LayeredDecoder} subclass built from a {@code WeightReader}: read each weight with
 *       the shape the configuration implies ({@code Linear.read} for {@code nn.Linear}, {@code readFloat32} for norm
 *       scales); every tensor of the checkpoint must be read, except {@code lm_head.weight}, which is never
 *       loaded. Implement {@code embed}, {@code layer} and {@code finalNorm}.</li>
 *   <li>Compose the layer from the blocks here: {@code Norm.rms}, {@code Norm.rmsOnePlusWeight} (Gemma's
 *       {@code 1 + weight}), {@code Norm.layer} (with or without parameters); {@code Attention} with its query
 *       {@code scaling} and logit {@code softCap}, {@code Attention.splitHeads} and {@code Attention.rotate}
 *       (partial rotation included), q/k norms applied to the split heads or to the whole projection;
 *       {@code BatchContext.mask(window)} per layer for sliding windows and {@code BatchContext.rotary(rope, type)}
 *       for each rotary embedding (several per model are fine, e.g. local and global); {@code Mlp.gated} and
 *       {@code Mlp.plain} with an {@code Activation}.</li>
 *   <li>Add one line to {@code DecoderFamilies}; extend the test sources' float64 {@code ReferenceDecoder} and
 *       {@code TinyCheckpoint} to the family, and add its cases to {@code HfReferenceTest}.</li>
 * </ol>
 */
package dev.mexa.core.runtime.model;
