package dev.mexa.core.runtime;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.Device;
import ai.djl.ndarray.types.DataType;
import dev.mexa.core.MexaException;
import dev.mexa.core.runtime.model.DecoderCheckpoint;
import dev.mexa.core.safetensors.DType;
import dev.mexa.core.safetensors.SafetensorsWriter;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each kind of broken checkpoint gives one {@link MexaException} naming the file and what to do. */
class BadCheckpointTest {

    @TempDir
    Path temp;

    private TinyCheckpoint llama() {
        return TinyCheckpoint.write(temp.resolve("model"), TinyModel.llama());
    }

    private AbstractThrowableAssert<?, ? extends Throwable> loading(Path directory) {
        return assertThatThrownBy(() -> DecoderCheckpoint.read(directory).load(Device.cpu(), DataType.FLOAT32)
                .close())
                .isInstanceOf(MexaException.class);
    }

    @Test
    void missingConfig() throws IOException {
        TinyCheckpoint checkpoint = llama();
        Files.delete(checkpoint.directory.resolve("config.json"));
        loading(checkpoint.directory).hasMessageContaining("has no config.json").hasMessageContaining("mexa.model");
    }

    @Test
    void missingWeightsFile() throws IOException {
        TinyCheckpoint checkpoint = llama();
        Files.delete(checkpoint.directory.resolve("model.safetensors"));
        loading(checkpoint.directory).hasMessageContaining("has neither model.safetensors nor"
                + " model.safetensors.index.json");
    }

    @Test
    void missingWeight() {
        TinyCheckpoint checkpoint = llama();
        checkpoint.weights.remove("model.layers.1.mlp.up_proj.weight");
        rewrite(checkpoint, null, null);
        loading(checkpoint.directory).hasMessageContaining("lacks weight 'model.layers.1.mlp.up_proj.weight'");
    }

    @Test
    void shapeMismatchNamesTensorAndBothShapes() {
        TinyCheckpoint checkpoint = llama();
        rewrite(checkpoint, "model.layers.0.self_attn.k_proj.weight", new long[] {32, 32});
        loading(checkpoint.directory).hasMessageContaining("'model.layers.0.self_attn.k_proj.weight'")
                .hasMessageContaining("model.safetensors").hasMessageContaining("has shape [32, 32]")
                .hasMessageContaining("config.json implies [16, 32]");
    }

    @Test
    void wrongDtype() throws IOException {
        TinyCheckpoint checkpoint = llama();
        SafetensorsWriter writer = new SafetensorsWriter();
        checkpoint.weights.forEach((name, values) -> {
            if (name.equals("model.norm.weight")) {
                writer.addRaw(name, DType.I64, checkpoint.shapes.get(name), new byte[values.length * 8]);
            } else {
                writer.add(name, DType.F32, checkpoint.shapes.get(name), values);
            }
        });
        writer.write(checkpoint.directory.resolve("model.safetensors"));
        loading(checkpoint.directory).hasMessageContaining("'model.norm.weight'").hasMessageContaining("dtype I64")
                .hasMessageContaining("expected F32, F16 or BF16");
    }

    @Test
    void truncatedShard() throws IOException {
        TinyCheckpoint checkpoint = TinyCheckpoint.write(temp.resolve("sharded"), TinyModel.llama(), 2);
        Path shard = checkpoint.directory.resolve("model-00002-of-00002.safetensors");
        try (FileChannel channel = FileChannel.open(shard, StandardOpenOption.WRITE)) {
            channel.truncate(channel.size() - 100);
        }
        loading(checkpoint.directory).hasMessageContaining("model-00002-of-00002.safetensors")
                .hasMessageContaining("truncated");
    }

    @Test
    void indexPointingAtMissingShard() throws IOException {
        TinyCheckpoint checkpoint = TinyCheckpoint.write(temp.resolve("sharded"), TinyModel.llama(), 3);
        Files.delete(checkpoint.directory.resolve("model-00003-of-00003.safetensors"));
        loading(checkpoint.directory).hasMessageContaining("model.safetensors.index.json")
                .hasMessageContaining("model-00003-of-00003.safetensors, which is missing");
    }

    @Test
    void indexPointingOutsideTheCheckpoint() throws IOException {
        TinyCheckpoint checkpoint = TinyCheckpoint.write(temp.resolve("sharded"), TinyModel.llama(), 3);
        Path index = checkpoint.directory.resolve("model.safetensors.index.json");
        Files.writeString(index, Files.readString(index).replace("\"model-00003-of-00003.safetensors\"",
                "\"../model-00003-of-00003.safetensors\""));
        loading(checkpoint.directory).hasMessageContaining("outside the checkpoint directory");
    }

    @Test
    void configValueOfTheWrongType() throws IOException {
        TinyCheckpoint checkpoint = llama();
        Path config = checkpoint.directory.resolve("config.json");
        Files.writeString(config, Files.readString(config).replace("{", "{\"rope_scaling\": [1, 2],"));
        loading(checkpoint.directory).hasMessageContaining("Model config " + config + ": 'rope_scaling' is [1,2];"
                + " expected a JSON object");
    }

    @Test
    void unknownModelTypeNamesConfigAndListsSupportedOnes() throws IOException {
        TinyCheckpoint checkpoint = llama();
        Path config = checkpoint.directory.resolve("config.json");
        Files.writeString(config, Files.readString(config).replace("\"llama\"", "\"falcon\""));
        loading(checkpoint.directory).hasMessageContaining("Unsupported model_type 'falcon' in " + config)
                .hasMessageContaining("supported are llama, mistral, qwen2, ").hasMessageContaining(", gpt2");
    }

    @Test
    void missingTokenizer() throws IOException {
        TinyCheckpoint checkpoint = llama();
        Files.delete(checkpoint.directory.resolve("tokenizer.json"));
        assertThatThrownBy(() -> new SentenceTokenizer(checkpoint.directory)).isInstanceOf(MexaException.class)
                .hasMessageContaining("has no tokenizer.json");
    }

    @Test
    void shardedCheckpointLoads() {
        TinyCheckpoint checkpoint = TinyCheckpoint.write(temp.resolve("sharded"), TinyModel.gpt2(), 2);
        DecoderCheckpoint.read(checkpoint.directory).load(Device.cpu(), DataType.FLOAT32).close();
    }

    private static void rewrite(TinyCheckpoint checkpoint, String reshaped, long[] shape) {
        SafetensorsWriter writer = new SafetensorsWriter();
        checkpoint.weights.forEach((name, values) -> {
            if (name.equals(reshaped)) {
                writer.add(name, DType.F32, shape, new float[(int) (shape[0] * shape[1])]);
            } else {
                writer.add(name, DType.F32, checkpoint.shapes.get(name), values);
            }
        });
        writer.write(checkpoint.directory.resolve("model.safetensors"));
    }
}
