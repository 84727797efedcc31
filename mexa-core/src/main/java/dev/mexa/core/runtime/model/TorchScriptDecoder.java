package dev.mexa.core.runtime.model;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.engine.EngineException;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import dev.mexa.core.DjlEngine;
import dev.mexa.core.MexaException;
import dev.mexa.core.runtime.checkpoint.ModelConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.function.ObjIntConsumer;

/**
 * A decoder exported to TorchScript ({@code model.pt}, traced with inputs {@code input_ids} and
 * {@code attention_mask}) and run by DJL's TorchScript loader: for architectures the runtime has no family for.
 * Its output must be every hidden state as HF's {@code output_hidden_states} gives them (embedding output, each
 * layer's output, the last after the final norm), as a tuple of {@code [B, T, hidden]} tensors or one stacked
 * {@code [layers + 1, B, T, hidden]} tensor. The number of layers and the width are read from one probe run at
 * load time; the export runs in the dtype it was traced in.
 */
final class TorchScriptDecoder implements DecoderModel {

    /** The file name of the export in a model directory. */
    static final String FILE_NAME = "model.pt";

    private final Path file;
    private final Model model;
    private final NDManager manager;
    private final ParameterStore parameters;
    private final ModelConfig config;

    private TorchScriptDecoder(Path file, Model model) {
        this.file = file;
        this.model = model;
        this.manager = model.getNDManager();
        this.parameters = new ParameterStore(manager, false);
        this.config = probe();
    }

    /**
     * A model directory holding {@code model.pt}: loaded by {@link #load} on the device, in the dtype it was
     * traced in.
     *
     * @param directory the directory
     */
    record Export(Path directory) implements DecoderCheckpoint {

        @Override
        public String familyName() {
            return "TorchScript";
        }

        @Override
        public OptionalInt hiddenStates() {
            return OptionalInt.empty();
        }

        @Override
        public void checkFloat16() {
            throw tracedDtype("float16");
        }

        @Override
        public DecoderModel load(Device device, DataType computeType, boolean halfResident) {
            if (computeType != DataType.FLOAT32) {
                throw tracedDtype(computeType.toString().toLowerCase(Locale.ROOT));
            }
            return TorchScriptDecoder.load(directory, device);
        }

        private MexaException tracedDtype(String dtype) {
            return new MexaException("dtype (mexa.dtype) " + dtype + " does not apply to the TorchScript export "
                    + directory.resolve(FILE_NAME) + ": it runs in the dtype it was traced in. Leave dtype at auto,"
                    + " and trace the model in half precision to run it so.");
        }
    }

    /**
     * @param directory a model directory
     * @return whether it holds a TorchScript export
     */
    static boolean isExport(Path directory) {
        return Files.isRegularFile(directory.resolve(FILE_NAME));
    }

    /**
     * @param directory a model directory holding {@code model.pt}
     * @param device where the export runs
     * @return the loaded export, checked by one probe run
     * @throws MexaException naming {@code model.pt} when it cannot be loaded or its output is not the hidden states
     */
    static TorchScriptDecoder load(Path directory, Device device) {
        Path file = directory.resolve(FILE_NAME);
        Model model = Model.newInstance("model", device, DjlEngine.NAME);
        try {
            model.load(directory, "model", Map.of("mapLocation", "true"));
            return new TorchScriptDecoder(file, model);
        } catch (IOException | MalformedModelException | EngineException e) {
            model.close();
            throw new MexaException("Cannot load TorchScript model " + file + ": " + e.getMessage()
                    + ". Export it with torch.jit.trace as docs/runtime.md shows.", e);
        } catch (RuntimeException e) {
            model.close();
            throw e;
        }
    }

    private ModelConfig probe() {
        try (NDManager probe = manager.newSubManager()) {
            List<NDArray> states = run(probe.create(new long[][] {{0, 0}}), probe.create(new long[][] {{1, 1}}));
            long hidden = states.get(0).getShape().get(2);
            return new ModelConfig(file, "torchscript", Integer.MAX_VALUE, (int) hidden, states.size() - 1,
                    Integer.MAX_VALUE);
        }
    }

    @Override
    public ModelConfig config() {
        return config;
    }

    @Override
    public Device device() {
        return manager.getDevice();
    }

    @Override
    public void forward(NDArray inputIds, NDArray attentionMask, ObjIntConsumer<NDArray> states) {
        List<NDArray> outputs = run(inputIds, attentionMask);
        for (int layer = 0; layer < outputs.size(); layer++) {
            states.accept(outputs.get(layer), layer);
            outputs.get(layer).close();
        }
    }

    /** Runs the export and checks that it returned {@code layers + 1} states of shape {@code [B, T, hidden]}. */
    private List<NDArray> run(NDArray inputIds, NDArray attentionMask) {
        NDList outputs;
        try {
            NDArray mask = attentionMask.toType(DataType.INT64, false);
            outputs = model.getBlock().forward(parameters, new NDList(inputIds, mask), false);
        } catch (EngineException e) {
            throw new MexaException("TorchScript model " + file + " failed on input_ids and attention_mask of shape "
                    + inputIds.getShape() + ": " + e.getMessage() + ". Check that it was traced with these two inputs"
                    + " and takes any batch size and length (docs/runtime.md).", e);
        }
        List<NDArray> states = new ArrayList<>();
        if (outputs.size() == 1 && outputs.get(0).getShape().dimension() == 4) {
            NDArray stacked = outputs.get(0);
            for (long layer = 0; layer < stacked.getShape().get(0); layer++) {
                states.add(stacked.get(layer));
            }
            stacked.close();
        } else {
            states.addAll(outputs);
        }
        Shape expected = new Shape(inputIds.getShape().get(0), inputIds.getShape().get(1), -1);
        boolean valid = states.size() >= 2 && states.stream().allMatch(state -> matches(state.getShape(), expected)
                && state.getShape().get(2) == states.get(0).getShape().get(2));
        if (!valid || config != null && (states.size() != config.layers() + 1
                || states.get(0).getShape().get(2) != config.hidden())) {
            String shapes = states.stream().map(state -> state.getShape().toString()).toList().toString();
            states.forEach(NDArray::close);
            throw new MexaException("TorchScript model " + file + " returned " + shapes + " for input_ids of shape "
                    + inputIds.getShape() + "; expected every hidden state (embedding output, each layer's output,"
                    + " the last after the final norm) as a tuple of [batch, tokens, hidden] tensors or one stacked"
                    + " [layers + 1, batch, tokens, hidden] tensor: trace it as docs/runtime.md shows.");
        }
        return states;
    }

    private static boolean matches(Shape shape, Shape expected) {
        return shape.dimension() == 3 && shape.get(0) == expected.get(0) && shape.get(1) == expected.get(1);
    }

    @Override
    public void close() {
        model.close();
    }
}
