package dev.mexa.core.report;

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

class ReportJsonTest {

    @TempDir
    Path dir;

    static MexaReport sample() {
        return ReportFixture.report().sentences(4).layers(2).createdAt("2026-11-24T00:00:00Z").durationMillis(12)
                .note("a note").score("deu_Latn", 0.625, 0.5, 0.75).build();
    }

    @Test
    void writesTheDocumentedKeys() {
        JsonObject json = JsonParser.parseString(ReportJson.toJson(sample())).getAsJsonObject();
        assertThat(json.get("pivot").getAsString()).isEqualTo("eng_Latn");
        assertThat(json.get("embedding").getAsString()).isEqualTo("weighted-average");
        assertThat(json.get("pooling").getAsString()).isEqualTo("mean");
        assertThat(json.get("sentences").getAsInt()).isEqualTo(4);
        assertThat(json.get("layers").getAsInt()).isEqualTo(2);
        JsonObject deu = json.getAsJsonObject("languages").getAsJsonObject("deu_Latn");
        assertThat(deu.get("score").getAsDouble()).isEqualTo(0.625);
        assertThat(deu.getAsJsonArray("layerScores").toString()).isEqualTo("[0.5,0.75]");
        assertThat(json.getAsJsonObject("languages").keySet()).containsExactly("deu_Latn", "eng_Latn");
    }

    @Test
    void readsBackWhatItWrote() {
        ReportWriter.write(sample(), dir);
        MexaReport read = ReportJson.read(dir.resolve(ReportWriter.JSON));
        assertThat(read.pivot()).isEqualTo("eng_Latn");
        assertThat(read.score("deu_Latn")).isEqualTo(0.625);
        assertThat(read.result("deu_Latn").layerScores()).containsExactly(0.5, 0.75);
        assertThat(read.result("eng_Latn").pivot()).isTrue();
        assertThat(read.notes()).containsExactly("a note");
    }

    @Test
    void everyScoreReadsBackToTheSameDouble() {
        java.util.Random random = new java.util.Random(11);
        ReportFixture fixture = ReportFixture.report().sentences(7).layers(6);
        double[] edges = {0.0, Double.MIN_VALUE, Double.MIN_NORMAL, Math.nextUp(0.5), Math.nextDown(1.0), 1.0, 0.1,
                1.0 / 3, 2.0 / 7, 1e-300};
        for (int language = 0; language < 40; language++) {
            double[] layers = new double[6];
            for (int i = 0; i < layers.length; i++) {
                layers[i] = language == 0 ? edges[i] : random.nextDouble();
            }
            fixture.score("l" + language + "_Latn", language == 1 ? edges[6 + random.nextInt(4)] : random.nextDouble(),
                    layers);
        }
        MexaReport written = fixture.build();
        ReportWriter.write(written, dir);

        MexaReport read = ReportJson.read(dir.resolve(ReportWriter.JSON));

        assertThat(ReportJson.toJson(read)).isEqualTo(ReportJson.toJson(written));
        written.languages().forEach((code, result) -> {
            assertThat(Double.doubleToRawLongBits(read.languages().get(code).score()))
                    .isEqualTo(Double.doubleToRawLongBits(result.score()));
            assertThat(read.languages().get(code).layerScores()).isEqualTo(result.layerScores());
        });
    }

    @Test
    void writesAllReportsAndNoTemporaryFiles() throws IOException {
        ReportWriter.write(sample(), dir);
        try (var files = Files.list(dir)) {
            assertThat(files.map(path -> path.getFileName().toString()))
                    .contains(ReportWriter.JSON, ReportWriter.CSV, ReportWriter.MARKDOWN, ReportWriter.JUNIT_XML)
                    .noneMatch(name -> name.endsWith(".tmp"));
        }
        assertThat(Files.readString(dir.resolve(ReportWriter.CSV))).startsWith(
                "language,pivot,sentences,score,score_lower,score_upper,threshold,baseline,verdict,score_mean,"
                        + "score_max,layer_0,layer_1\ndeu_Latn,false,4,0.625,");
        assertThat(Files.readString(dir.resolve(ReportWriter.CSV)))
                .endsWith("\naverage,,,0.625,,,,,,0.625,0.75,,\naverage_gated,,,,,,,,,,,,\n");
        assertThat(Files.readString(dir.resolve(ReportWriter.MARKDOWN))).contains("| deu_Latn | 0.625 |")
                .contains("| 0.625 | 0.750 |\n").contains("The gate uses the mean-pooled score.")
                .contains("Average over 1 language (pivot excluded): 0.625 (mean-pooled 0.625, max-pooled 0.750).");
    }

    @Test
    void recordsBothPoolingsAndTheAverages() {
        JsonObject json = JsonParser.parseString(ReportJson.toJson(sample())).getAsJsonObject();

        JsonObject german = json.getAsJsonObject("languages").getAsJsonObject("deu_Latn");
        assertThat(german.get("meanScore").getAsDouble()).isEqualTo(0.625);
        assertThat(german.get("maxScore").getAsDouble()).isEqualTo(0.75);
        JsonObject averages = json.getAsJsonObject("averages");
        assertThat(averages.get("languages").getAsInt()).isEqualTo(1);
        assertThat(averages.get("score").getAsDouble()).isEqualTo(0.625);
        assertThat(averages.get("maxScore").getAsDouble()).isEqualTo(0.75);
        assertThat(averages.get("gatedLanguages").getAsInt()).isZero();
        assertThat(averages.get("gatedScore").isJsonNull()).isTrue();
    }

    @Test
    void rejectsFilesThatAreNotReports() throws IOException {
        Path other = dir.resolve("package.json");
        Files.writeString(other, "{\"name\":\"x\"}");
        assertThatThrownBy(() -> ReportJson.read(other)).isInstanceOf(MexaException.class)
                .hasMessageContaining(other + " is not a MEXA report");
        Path keysOnly = dir.resolve("keys-only.json");
        Files.writeString(keysOnly, "{\"pivot\":\"eng_Latn\",\"languages\":{}}");
        assertThatThrownBy(() -> ReportJson.read(keysOnly)).isInstanceOf(MexaException.class)
                .hasMessageContaining("lacks the marker \"format\": \"mexa-report/1\"");
        Path wrongTypes = dir.resolve("wrong-types.json");
        Files.writeString(wrongTypes, "{\"format\":\"mexa-report/1\",\"pivot\":\"eng_Latn\",\"languages\":[1,2]}");
        assertThatThrownBy(() -> ReportJson.read(wrongTypes)).isInstanceOf(MexaException.class)
                .hasMessageContaining(wrongTypes + " is not a valid MEXA report: 'languages' is [1,2]; expected an object.");
        Path wrongNotes = dir.resolve("wrong-notes.json");
        Files.writeString(wrongNotes, "{\"format\":\"mexa-report/1\",\"pivot\":\"eng_Latn\",\"languages\":{},"
                + "\"notes\":\"x\"}");
        assertThatThrownBy(() -> ReportJson.read(wrongNotes)).isInstanceOf(MexaException.class)
                .hasMessageContaining("'notes' is \"x\"; expected an array.");
        Path broken = dir.resolve("broken.json");
        Files.writeString(broken, "{\"pivot\":");
        assertThatThrownBy(() -> ReportJson.read(broken)).isInstanceOf(MexaException.class)
                .hasMessage(broken + " is not a MEXA report: it is not valid JSON at line 1, column 10: the text ends"
                        + " where a value should follow. Point at a mexa-report.json written by mexa:evaluate.");
        assertThatThrownBy(() -> ReportJson.read(dir.resolve("none.json"))).isInstanceOf(MexaException.class)
                .hasMessageContaining("does not exist");
    }

    @Test
    void tableIsAlignedAndSortedByScore() {
        assertThat(ScoreTable.lines(sample())).containsExactly(
                "language   score  95% interval     verdict",
                "deu_Latn   0.625  [0.219, 0.908]   not gated",
                "eng_Latn   1.000  [0.510, 1.000]   pivot");
    }
}
