package dev.mexa.core.runtime.model;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import dev.mexa.core.DjlEngine;
import dev.mexa.core.MexaException;
import dev.mexa.core.runtime.checkpoint.CheckpointFiles;
import dev.mexa.core.runtime.checkpoint.ConfigReader;
import dev.mexa.core.runtime.checkpoint.ModelConfig;
import dev.mexa.core.runtime.checkpoint.WeightReader;
import java.nio.file.Path;

/**
 * A checkpoint directory whose {@code config.json} its family has read and checked: cheap to create, so
 * configuration mistakes surface before the weights are loaded by {@link #load}.
 */
public final class DecoderCheckpoint {

    private final Path directory;
    private final DecoderFamily family;
    private final DecoderSpec spec;

    private DecoderCheckpoint(Path directory, DecoderFamily family, DecoderSpec spec) {
        this.directory = directory;
        this.family = family;
        this.spec = spec;
    }

    /**
     * Reads {@code config.json} and has the family serving its {@code model_type} check every key it uses.
     *
     * @param directory the checkpoint directory
     * @return the checked checkpoint
     * @throws MexaException naming config.json and the key at fault
     */
    public static DecoderCheckpoint read(Path directory) {
        ConfigReader config = ConfigReader.of(directory);
        DecoderFamily family = DecoderFamilies.of(config);
        return new DecoderCheckpoint(directory, family, family.configure(config.string("model_type"), config));
    }

    /** @return what every consumer needs */
    public ModelConfig config() {
        return spec.config();
    }

    /** @return the name of its decoder family, e.g. {@code Llama} */
    public String familyName() {
        return family.name();
    }

    /**
     * @throws MexaException naming the family when float16 compute is not safe for it
     */
    public void checkFloat16() {
        if (!family.float16Safe()) {
            throw new MexaException("dtype (mexa.dtype) float16 is not safe for the " + family.name() + " family ("
                    + spec.config().modelType() + " in " + spec.config().file() + "): its activations exceed float16's"
                    + " range. Use dtype float32 or bfloat16.");
        }
    }

    /**
     * Checks every weight's presence, shape and dtype, loads them, and checks that the checkpoint holds no weight
     * the model does not use (the output head aside, which is never read).
     *
     * @param device where the model runs
     * @param computeType float32, float16 or bfloat16 (bfloat16 only on a GPU)
     * @return the loaded model; close it to free its weights
     * @throws MexaException naming the file and weight at fault
     */
    public DecoderModel load(Device device, DataType computeType) {
        return load(device, computeType, false);
    }

    /**
     * As {@link #load(Device, DataType)}, optionally keeping the projection matrices and token embeddings of an F16
     * or BF16 checkpoint in their stored half precision, widened to float32 as each layer runs: about half the
     * memory, the same results bit for bit (CPU with float32 compute only).
     *
     * @param device where the model runs
     * @param computeType float32, float16 or bfloat16 (bfloat16 only on a GPU)
     * @param halfResident whether to keep half-precision weights as stored; ignored unless on the CPU in float32
     * @return the loaded model; close it to free its weights
     * @throws MexaException naming the file and weight at fault
     */
    public DecoderModel load(Device device, DataType computeType, boolean halfResident) {
        if (computeType == DataType.FLOAT16) {
            checkFloat16();
        }
        NDManager manager = NDManager.newBaseManager(device, DjlEngine.NAME);
        try (CheckpointFiles files = new CheckpointFiles(directory)) {
            WeightReader weights = new WeightReader(files, manager, computeType, halfResident
                    && computeType == DataType.FLOAT32 && device.getDeviceType().equals(Device.Type.CPU));
            DecoderModel model = spec.load(weights);
            weights.checkAllRead();
            return model;
        } catch (RuntimeException e) {
            manager.close();
            throw e;
        }
    }
}
