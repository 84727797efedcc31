package dev.mexa.core.runtime.model;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import dev.mexa.core.DjlEngine;
import dev.mexa.core.runtime.checkpoint.CheckpointFiles;
import dev.mexa.core.runtime.checkpoint.ModelConfig;
import java.nio.file.Path;

/** Loads a checkpoint directory's decoder, picking the implementation from {@code config.json}'s model_type. */
public final class DecoderModels {

    private DecoderModels() {
    }

    /**
     * Reads {@code config.json}, checks every weight's presence, shape and dtype, and loads the weights.
     *
     * @param checkpoint the checkpoint directory
     * @param device where the model runs
     * @param computeType float32, float16 or bfloat16 (bfloat16 only on a GPU)
     * @return the loaded model; close it to free its weights
     * @throws dev.mexa.core.MexaException naming the file and weight at fault
     */
    public static DecoderModel load(Path checkpoint, Device device, DataType computeType) {
        ModelConfig config = ModelConfig.read(checkpoint);
        NDManager manager = NDManager.newBaseManager(device, DjlEngine.NAME);
        try (CheckpointFiles files = new CheckpointFiles(checkpoint)) {
            return switch (config.architecture()) {
                case GPT2 -> new Gpt2Decoder(config, files, manager, computeType);
                case LLAMA, MISTRAL, QWEN2 -> new LlamaDecoder(config, files, manager, computeType);
            };
        } catch (RuntimeException e) {
            manager.close();
            throw e;
        }
    }
}
