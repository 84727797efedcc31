package dev.mexa.core.runtime.model;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import dev.mexa.core.DjlEngine;
import dev.mexa.core.MexaException;
import dev.mexa.core.runtime.checkpoint.CheckpointFiles;
import dev.mexa.core.runtime.checkpoint.ConfigReader;
import dev.mexa.core.runtime.checkpoint.WeightReader;
import java.nio.file.Path;
import java.util.OptionalInt;

/**
 * A HuggingFace checkpoint directory whose {@code config.json} its family has read and checked: cheap to create,
 * so configuration mistakes surface before the weights are loaded by {@link #load}.
 */
final class FamilyCheckpoint implements DecoderCheckpoint {

    private final Path directory;
    private final DecoderFamily family;
    private final DecoderSpec spec;

    private FamilyCheckpoint(Path directory, DecoderFamily family, DecoderSpec spec) {
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
    static FamilyCheckpoint read(Path directory) {
        ConfigReader config = ConfigReader.of(directory);
        DecoderFamily family = DecoderFamilies.of(config);
        return new FamilyCheckpoint(directory, family, family.configure(config.string("model_type"), config));
    }

    @Override
    public String familyName() {
        return family.name();
    }

    @Override
    public OptionalInt hiddenStates() {
        return OptionalInt.of(spec.config().layers() + 1);
    }

    @Override
    public void checkFloat16() {
        if (!family.float16Safe()) {
            throw new MexaException("dtype (mexa.dtype) float16 is not safe for the " + family.name() + " family ("
                    + spec.config().modelType() + " in " + spec.config().file() + "): its activations exceed float16's"
                    + " range. Use dtype float32.");
        }
    }

    /**
     * Checks every weight's presence, shape and dtype, loads them, and checks that the checkpoint holds no weight
     * the model does not use (the output head aside, which is never read).
     */
    @Override
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
