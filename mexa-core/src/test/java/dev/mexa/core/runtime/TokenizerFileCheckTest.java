package dev.mexa.core.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.mexa.core.MexaException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Findings of the reader fuzz test on tokenizer.json, each once by hand. */
class TokenizerFileCheckTest {

    @TempDir
    Path temp;

    private Path tokenizerFile(TinyCheckpoint checkpoint) {
        return checkpoint.directory.resolve(SentenceTokenizer.FILE_NAME);
    }

    private JsonObject tokenizerJson(Path file) throws IOException {
        return JsonParser.parseString(Files.readString(file)).getAsJsonObject();
    }

    /** The native tokenizer aborted the JVM when a template placed a special token it does not define. */
    @Test
    void aTemplateWithAnUndefinedSpecialTokenIsRefusedBeforeTheNativeTokenizerSeesIt() throws IOException {
        TinyCheckpoint checkpoint = TinyCheckpoint.write(temp.resolve("model"), TinyModel.llama());
        Path file = tokenizerFile(checkpoint);
        JsonObject json = tokenizerJson(file);
        json.getAsJsonObject("post_processor").add("special_tokens", new JsonObject());
        Files.writeString(file, json.toString());
        assertThatThrownBy(() -> new SentenceTokenizer(checkpoint.directory)).isInstanceOf(MexaException.class)
                .hasMessageStartingWith("Tokenizer " + file + " is not usable: its TemplateProcessing post-processor"
                        + " places special token \"")
                .hasMessageEndingWith("that its 'special_tokens' do not define. Re-download the checkpoint's"
                        + " tokenizer.json.");
    }

    @Test
    void aTokenizerThatCannotEncodeIsAClearError() throws IOException {
        TinyCheckpoint checkpoint = TinyCheckpoint.write(temp.resolve("model"), TinyModel.llama());
        Path file = tokenizerFile(checkpoint);
        JsonObject json = tokenizerJson(file);
        json.getAsJsonObject("model").addProperty("unk_token", "[NOT THERE]");
        Files.writeString(file, json.toString());
        try (SentenceTokenizer tokenizer = new SentenceTokenizer(checkpoint.directory)) {
            assertThatThrownBy(() -> tokenizer.encode("no such words")).isInstanceOf(MexaException.class)
                    .hasMessageStartingWith("Tokenizer " + file + " cannot encode a sentence: ")
                    .hasMessageEndingWith(". Re-download the checkpoint's tokenizer.json.");
        }
    }

    @Test
    void duplicateKeysInTheTokenizerAreRefused() throws IOException {
        TinyCheckpoint checkpoint = TinyCheckpoint.write(temp.resolve("model"), TinyModel.llama());
        Path file = tokenizerFile(checkpoint);
        Files.writeString(file, Files.readString(file).replaceFirst("\\{", "{\"version\": \"0\", "));
        assertThatThrownBy(() -> new SentenceTokenizer(checkpoint.directory)).isInstanceOf(MexaException.class)
                .hasMessageStartingWith("Tokenizer " + file + " is not valid JSON at line ")
                .hasMessageContaining("duplicate key \"version\"");
        assertThat(Files.exists(file)).isTrue();
    }

    @Test
    void aShardIndexNamingAnImpossibleFileIsAClearError() throws IOException {
        TinyCheckpoint checkpoint = TinyCheckpoint.write(temp.resolve("sharded"), TinyModel.gpt2(), 2);
        Path index = checkpoint.directory.resolve(dev.mexa.core.runtime.checkpoint.CheckpointFiles.INDEX_FILE);
        JsonObject json = tokenizerJson(index);
        String tensor = json.getAsJsonObject("weight_map").keySet().iterator().next();
        json.getAsJsonObject("weight_map").addProperty(tensor, "shard\u0000.safetensors");
        Files.writeString(index, json.toString());
        assertThatThrownBy(() -> new dev.mexa.core.runtime.checkpoint.CheckpointFiles(checkpoint.directory))
                .isInstanceOf(MexaException.class)
                .hasMessageContaining("maps tensor '" + tensor + "' to ")
                .hasMessageContaining("which is not a valid file name: re-download the checkpoint.");
    }
}
