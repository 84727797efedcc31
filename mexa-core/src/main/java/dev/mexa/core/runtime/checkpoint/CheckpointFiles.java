package dev.mexa.core.runtime.checkpoint;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.mexa.core.MexaException;
import dev.mexa.core.io.StrictJson;
import dev.mexa.core.safetensors.SafetensorsFile;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The safetensors weights of a checkpoint: one {@code model.safetensors}, or the shards listed by
 * {@code model.safetensors.index.json}. Every file is opened (and its header checked) up front; tensors are then
 * looked up by name across the shards.
 */
public final class CheckpointFiles implements AutoCloseable {

    /** The single-file weights name. */
    public static final String SINGLE_FILE = "model.safetensors";
    /** The index of sharded weights. */
    public static final String INDEX_FILE = "model.safetensors.index.json";

    private final Path directory;
    private final Map<Path, SafetensorsFile> open = new LinkedHashMap<>();
    private final Map<String, SafetensorsFile> byTensor = new LinkedHashMap<>();

    /**
     * @param directory a checkpoint directory
     * @throws MexaException naming the missing or malformed file
     */
    public CheckpointFiles(Path directory) {
        this.directory = directory;
        try {
            Path index = directory.resolve(INDEX_FILE);
            if (Files.isRegularFile(index)) {
                readIndex(index);
            } else if (Files.isRegularFile(directory.resolve(SINGLE_FILE))) {
                SafetensorsFile file = openFile(directory.resolve(SINGLE_FILE));
                file.tensors().keySet().forEach(name -> byTensor.put(name, file));
            } else {
                throw new MexaException("Model directory " + directory + " has neither " + SINGLE_FILE + " nor "
                        + INDEX_FILE + ": download the safetensors weights (PyTorch .bin weights are not read).");
            }
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    private void readIndex(Path index) {
        JsonElement root = StrictJson.read(index, "shard index", "Re-download the checkpoint.");
        JsonElement weights = root.isJsonObject() ? root.getAsJsonObject().get("weight_map") : null;
        if (weights == null || !weights.isJsonObject()) {
            throw new MexaException("Shard index " + index + " has no 'weight_map' object: re-download the"
                    + " checkpoint.");
        }
        JsonObject weightMap = weights.getAsJsonObject();
        for (Map.Entry<String, JsonElement> entry : weightMap.entrySet()) {
            if (!entry.getValue().isJsonPrimitive()) {
                throw new MexaException("Shard index " + index + " maps tensor '" + entry.getKey() + "' to "
                        + entry.getValue() + " instead of a file name: re-download the checkpoint.");
            }
            Path base = directory.toAbsolutePath().normalize();
            Path shard;
            try {
                shard = base.resolve(entry.getValue().getAsString()).normalize();
            } catch (InvalidPathException e) {
                throw new MexaException("Shard index " + index + " maps tensor '" + entry.getKey() + "' to "
                        + entry.getValue() + ", which is not a valid file name: re-download the checkpoint.", e);
            }
            if (!base.equals(shard.getParent())) {
                throw new MexaException("Shard index " + index + " maps tensor '" + entry.getKey() + "' to "
                        + entry.getValue().getAsString() + ", outside the checkpoint directory: re-download the"
                        + " checkpoint.");
            }
            if (!Files.isRegularFile(shard)) {
                throw new MexaException("Shard index " + index + " maps tensor '" + entry.getKey() + "' to "
                        + shard.getFileName() + ", which is missing from " + directory
                        + ": download every shard of the checkpoint.");
            }
            SafetensorsFile file = open.containsKey(shard) ? open.get(shard) : openFile(shard);
            if (!file.tensors().containsKey(entry.getKey())) {
                throw new MexaException("Shard " + shard + " lacks tensor '" + entry.getKey() + "' that " + index
                        + " places there: re-download the checkpoint.");
            }
            byTensor.put(entry.getKey(), file);
        }
    }

    private SafetensorsFile openFile(Path path) {
        SafetensorsFile file = SafetensorsFile.open(path);
        open.put(path, file);
        return file;
    }

    /**
     * @param name a tensor name
     * @return whether some weights file holds it
     */
    public boolean contains(String name) {
        return byTensor.containsKey(name);
    }

    /** @return every tensor name the weights files hold, in file order */
    public Set<String> names() {
        return Collections.unmodifiableSet(byTensor.keySet());
    }

    /** @return the checkpoint directory */
    public Path directory() {
        return directory;
    }

    /**
     * @param name a tensor name
     * @return the file holding it
     * @throws MexaException naming the checkpoint when no file holds it
     */
    public SafetensorsFile fileOf(String name) {
        SafetensorsFile file = byTensor.get(name);
        if (file == null) {
            throw new MexaException("Checkpoint " + directory + " lacks weight '" + name + "' (in "
                    + String.join(", ", open.keySet().stream().map(p -> p.getFileName().toString()).toList())
                    + "): the weights do not match config.json; re-download the checkpoint.");
        }
        return file;
    }

    @Override
    public void close() {
        open.values().forEach(SafetensorsFile::close);
        open.clear();
    }
}
