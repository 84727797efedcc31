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
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Loads checkpoint weights onto the device after checking each one's shape against what {@code config.json}
 * implies and its dtype against the floating point types, and remembers what it read so that a tensor the model
 * does not use can be reported ({@link #checkAllRead}). Values are widened to float32 in Java while reading (BF16
 * included, which DJL's PyTorch bridge cannot hold on the CPU), then converted to the compute type on the device.
 */
public final class WeightReader {

    /** The output head: never read (embeddings need no logits), so allowed to remain unused. */
    public static final String OUTPUT_HEAD = "lm_head.weight";

    private final CheckpointFiles files;
    private final NDManager manager;
    private final DataType computeType;
    private final String prefix;
    private final Set<String> read;

    /**
     * @param files the checkpoint's weights
     * @param manager where loaded weights live (on the compute device)
     * @param computeType the dtype matrices are stored in on the device
     */
    public WeightReader(CheckpointFiles files, NDManager manager, DataType computeType) {
        this(files, manager, computeType, "", new HashSet<>());
    }

    private WeightReader(CheckpointFiles files, NDManager manager, DataType computeType, String prefix,
            Set<String> read) {
        this.files = files;
        this.manager = manager;
        this.computeType = computeType;
        this.prefix = prefix;
        this.read = read;
    }

    /**
     * A reader whose names carry the first of {@code candidates} under which {@code probe} exists (HF checkpoints
     * name the decoder's weights {@code model.*} or, saved from the base model, without prefix).
     *
     * @param candidates prefixes to try, in order
     * @param probe a weight name every checkpoint of the family has, without prefix
     * @return the reader; the first candidate when none matches, so a missing weight is reported under its usual
     *     name
     */
    public WeightReader withPrefix(List<String> candidates, String probe) {
        String chosen = candidates.stream().filter(candidate -> files.contains(candidate + probe)).findFirst()
                .orElse(candidates.get(0));
        return new WeightReader(files, manager, computeType, chosen, read);
    }

    /**
     * Checks that every tensor of the checkpoint was read by this reader or one made from it, except the output
     * head: a tensor the model does not use means {@code config.json} describes another model (fewer layers than
     * the weights hold, a missing bias flag, another family).
     *
     * @throws MexaException naming the first unused tensors and the file
     */
    public void checkAllRead() {
        List<String> unused = files.names().stream()
                .filter(name -> !read.contains(name) && !name.equals(OUTPUT_HEAD)).toList();
        if (!unused.isEmpty()) {
            throw new MexaException("Checkpoint " + files.directory() + " holds " + unused.size() + " weight"
                    + (unused.size() == 1 ? "" : "s") + " that " + ModelConfig.FILE_NAME + " does not describe ("
                    + String.join(", ", unused.subList(0, Math.min(5, unused.size())))
                    + (unused.size() > 5 ? ", ..." : "") + "): check num_hidden_layers and the other keys of "
                    + files.directory().resolve(ModelConfig.FILE_NAME) + " against the weights, or re-download"
                    + " the checkpoint.");
        }
    }

    /** @return where the weights live; the model closes it */
    public NDManager manager() {
        return manager;
    }

    /** @return the dtype of matrices and activations */
    public DataType computeType() {
        return computeType;
    }

    /** @return the checkpoint's weights */
    public CheckpointFiles files() {
        return files;
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
        read.add(fullName);
        return manager.create(file.readFloats(fullName), new Shape(shape));
    }
}
