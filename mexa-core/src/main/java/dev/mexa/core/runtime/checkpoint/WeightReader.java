package dev.mexa.core.runtime.checkpoint;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import dev.mexa.core.MexaException;
import dev.mexa.core.safetensors.DType;
import dev.mexa.core.safetensors.SafetensorsFile;
import dev.mexa.core.safetensors.TensorInfo;
import java.util.Arrays;

/**
 * Loads checkpoint weights onto the device after checking each one's shape against what {@code config.json}
 * implies and its dtype against the floating point types. Values are widened to float32 in Java while reading (BF16
 * included, which DJL's PyTorch bridge cannot hold on the CPU), then converted to the compute type on the device.
 */
public final class WeightReader {

    private final CheckpointFiles files;
    private final NDManager manager;
    private final DataType computeType;
    private final String prefix;

    /**
     * @param files the checkpoint's weights
     * @param manager where loaded weights live (on the compute device)
     * @param computeType the dtype matrices are stored in on the device
     * @param prefix the name prefix of the decoder's weights, e.g. {@code "model."} or {@code ""}
     */
    public WeightReader(CheckpointFiles files, NDManager manager, DataType computeType, String prefix) {
        this.files = files;
        this.manager = manager;
        this.computeType = computeType;
        this.prefix = prefix;
    }

    /**
     * @param files the checkpoint's weights
     * @param candidates prefixes to try, in order
     * @param probe a weight name every checkpoint of the architecture has, without prefix
     * @return the first prefix under which {@code probe} exists, else the first candidate (so that the missing
     *     weight is then reported under its usual name)
     */
    public static String detectPrefix(CheckpointFiles files, String[] candidates, String probe) {
        for (String candidate : candidates) {
            if (files.contains(candidate + probe)) {
                return candidate;
            }
        }
        return candidates[0];
    }

    /**
     * Reads a matrix or vector in the compute type.
     *
     * @param name weight name without the prefix
     * @param shape the shape {@code config.json} implies
     * @return the weight on the device
     */
    public NDArray read(String name, long... shape) {
        NDArray wide = readFloat32(name, shape);
        if (computeType == DataType.FLOAT32) {
            return wide;
        }
        NDArray narrow = wide.toType(computeType, false);
        // the float32 copy would otherwise stay on the device until the model closes
        wide.close();
        return narrow;
    }

    /**
     * Reads a weight in float32 whatever the compute type (norm scales, which are applied in float32).
     *
     * @param name weight name without the prefix
     * @param shape the shape {@code config.json} implies
     * @return the weight on the device
     */
    public NDArray readFloat32(String name, long... shape) {
        String fullName = prefix + name;
        SafetensorsFile file = files.fileOf(fullName);
        TensorInfo info = file.info(fullName);
        if (!Arrays.equals(info.shape(), shape)) {
            throw new MexaException("Weight '" + fullName + "' in " + file.path() + " has shape "
                    + Arrays.toString(info.shape()) + " but " + ModelConfig.FILE_NAME + " implies "
                    + Arrays.toString(shape) + ": the weights and config.json belong to different models;"
                    + " re-download the checkpoint.");
        }
        if (info.dtype() != DType.F32 && info.dtype() != DType.F16 && info.dtype() != DType.BF16) {
            throw new MexaException("Weight '" + fullName + "' in " + file.path() + " has dtype " + info.dtype()
                    + "; expected F32, F16 or BF16 (quantized checkpoints are not supported): use an unquantized"
                    + " checkpoint.");
        }
        return manager.create(file.readFloats(fullName), new Shape(shape));
    }

    /**
     * @param name weight name without the prefix
     * @return whether the checkpoint has it
     */
    public boolean has(String name) {
        return files.contains(prefix + name);
    }
}
