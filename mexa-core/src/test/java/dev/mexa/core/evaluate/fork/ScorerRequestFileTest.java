package dev.mexa.core.evaluate.fork;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mexa.core.MexaException;
import dev.mexa.core.evaluate.EvaluationRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScorerRequestFileTest {

    @TempDir
    Path temp;

    private Path written(EvaluationRequest request) {
        Path file = temp.resolve("request-" + System.nanoTime() + ".json");
        ScorerRequestFile.write(request, file);
        return file;
    }

    private String roundTrip(EvaluationRequest request) throws IOException {
        Path first = written(request);
        return Files.readString(written(ScorerRequestFile.read(first)));
    }

    @Test
    void everySettingOfAModelRunRoundTrips() throws IOException {
        EvaluationRequest request = EvaluationRequest.builder().model(Path.of("m")).corpus(Path.of("c"))
                .sentences(40).embedding("last-token").device("cpu").dtype("float32").batchSize(8).batchTokens(999)
                .threads(3).halfWeights(true).cacheDirectory(Path.of("cache")).exportEmbeddings(Path.of("out"))
                .pivot("deu_Latn").languages(List.of("eng_Latn", "fra_Latn")).pooling("max").layers("2-5").shard("2/2")
                .build();

        String text = roundTrip(request);

        assertThat(text).isEqualTo(Files.readString(written(request)))
                .contains("\"format\":\"mexa-scorer-request/1\"", "\"model\":\"m\"", "\"corpus\":\"c\"",
                        "\"sentences\":40", "\"embedding\":\"last-token\"", "\"device\":\"cpu\"",
                        "\"dtype\":\"float32\"", "\"batchSize\":8", "\"batchTokens\":999", "\"threads\":3",
                        "\"halfWeights\":true", "\"cacheDirectory\":\"cache\"", "\"exportEmbeddings\":\"out\"",
                        "\"embeddings\":[]", "\"pivot\":\"deu_Latn\"", "\"languages\":[\"eng_Latn\",\"fra_Latn\"]",
                        "\"pooling\":\"max\"", "\"layers\":\"2-5\"", "\"shard\":\"2/2\"");
    }

    @Test
    void noCacheAndRecordedEmbeddingsRoundTrip() throws IOException {
        EvaluationRequest noCache = EvaluationRequest.builder().model(Path.of("m")).cache(false).build();
        EvaluationRequest recorded = EvaluationRequest.builder().embeddings(List.of(Path.of("e"), Path.of("f")))
                .build();

        assertThat(roundTrip(noCache)).contains("\"cacheDirectory\":null", "\"corpus\":null", "\"layers\":\"all\"",
                "\"shard\":\"1/1\"");
        assertThat(roundTrip(recorded)).contains("\"embeddings\":[\"e\",\"f\"]", "\"model\":null")
                .isEqualTo(Files.readString(written(recorded)));
    }

    @Test
    void anythingButTheExactFormatIsRejected() throws IOException {
        String valid = Files.readString(written(EvaluationRequest.builder().model(Path.of("m")).build()));

        assertThat(rejected(valid.replace("mexa-scorer-request/1", "mexa-scorer-request/2")))
                .contains("has the format \"mexa-scorer-request/2\", not \"mexa-scorer-request/1\"");
        assertThat(rejected(valid.replace("{", "{\"extra\":1,"))).contains("has the keys [");
        assertThat(rejected(valid.replace("\"threads\":0,", ""))).contains("has the keys [");
        assertThat(rejected(valid.replace("\"threads\":0", "\"threads\":\"0\""))).contains("'threads' is not a whole"
                + " number");
        assertThat(rejected(valid.replace("\"threads\":0", "\"threads\":0.5"))).contains("'threads' is not a whole"
                + " number");
        assertThat(rejected(valid.replace("\"halfWeights\":false", "\"halfWeights\":0")))
                .contains("'halfWeights' is not true or false");
        assertThat(rejected(valid.replace("\"threads\":0", "\"threads\":-1"))).startsWith("Invalid threads"
                + " (mexa.threads) -1");
        assertThat(rejected(valid + "x")).contains("is not valid JSON");
    }

    private String rejected(String text) throws IOException {
        Path file = temp.resolve("bad-" + System.nanoTime() + ".json");
        Files.writeString(file, text);
        try {
            ScorerRequestFile.read(file);
        } catch (MexaException e) {
            return e.getMessage();
        }
        throw new AssertionError("accepted: " + text);
    }
}
