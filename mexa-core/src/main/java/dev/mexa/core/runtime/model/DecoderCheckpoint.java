package dev.mexa.core.runtime.model;

import ai.djl.Device;
import ai.djl.ndarray.types.DataType;
import java.nio.file.Path;
import java.util.OptionalInt;

/**
 * A model directory, read and checked cheaply so that configuration mistakes surface before the weights are loaded
 * by {@link #load}: a HuggingFace checkpoint run by its decoder family, or a TorchScript export ({@code model.pt})
 * for architectures no family implements.
 */
public sealed interface DecoderCheckpoint permits FamilyCheckpoint, TorchScriptDecoder.Export {

    /**
     * Recognises a TorchScript export by its {@code model.pt}; otherwise reads {@code config.json} and has the
     * family serving its {@code model_type} check every key it uses.
     *
     * @param directory the model directory
     * @return the checked checkpoint
     * @throws dev.mexa.core.MexaException naming config.json and the key at fault
     */
    static DecoderCheckpoint read(Path directory) {
        return TorchScriptDecoder.isExport(directory) ? new TorchScriptDecoder.Export(directory)
                : FamilyCheckpoint.read(directory);
    }

    /** @return the name of its decoder family, e.g. {@code Llama}, or {@code TorchScript} */
    String familyName();

    /**
     * @return how many hidden states a forward pass yields, {@code config.json}'s layers + 1; empty for a TorchScript
     *     export, whose probe run at load time tells
     */
    OptionalInt hiddenStates();

    /**
     * @throws dev.mexa.core.MexaException naming the model when float16 compute is not available for it
     */
    void checkFloat16();

    /**
     * Loads the model, checking every weight (or, for an export, its output format).
     *
     * @param device where the model runs
     * @param computeType float32 or float16 (DJL has no bfloat16)
     * @return the loaded model; close it to free its weights
     * @throws dev.mexa.core.MexaException naming the file and weight at fault
     */
    default DecoderModel load(Device device, DataType computeType) {
        return load(device, computeType, false);
    }

    /**
     * As {@link #load(Device, DataType)}, optionally keeping the projection matrices and token embeddings of an F16
     * or BF16 checkpoint in their stored half precision, widened to float32 as each layer runs: about half the
     * memory, the same results bit for bit (CPU with float32 compute only; a TorchScript export ignores it).
     *
     * @param device where the model runs
     * @param computeType float32 or float16 (DJL has no bfloat16)
     * @param halfResident whether to keep half-precision weights as stored; ignored unless on the CPU in float32
     * @return the loaded model; close it to free its weights
     * @throws dev.mexa.core.MexaException naming the file and weight at fault
     */
    DecoderModel load(Device device, DataType computeType, boolean halfResident);
}
