package dev.mexa.core.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mexa.core.MexaException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Issue 10, honest gates: a baseline is checked field by field (types, finite scores in [0, 1]) with errors naming the
 * file and the field, and no report is ever written with a number JSON cannot hold.
 */
class ReportValidationTest {

    private static final String FIX = " Point at a mexa-report.json written by mexa:evaluate.";

    @TempDir
    Path dir;

    private Path baseline(String deuFields) throws IOException {
        Path file = dir.resolve("mexa-baseline.json");
        Files.writeString(file, "{\"format\":\"mexa-report/1\",\"pivot\":\"eng_Latn\",\"sentences\":100,"
                + "\"languages\":{\"eng_Latn\":{\"score\":1.0,\"pivot\":true},\"deu_Latn\":{" + deuFields + "}}}");
        return file;
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "'\"score\":1.7'                          | 'languages.deu_Latn.score' is 1.7; expected a score in [0, 1].",
        "'\"score\":-0.5'                         | 'languages.deu_Latn.score' is -0.5; expected a score in [0, 1].",
        "'\"score\":\"0.5\"'                      | 'languages.deu_Latn.score' is \"0.5\"; expected a score in [0, 1].",
        "'\"score\":null'                         | 'languages.deu_Latn.score' is null; expected a score in [0, 1].",
        "'\"pivot\":false'                        | 'languages.deu_Latn.score' missing; expected a score in [0, 1].",
        "'\"score\":0.5,\"layerScores\":[0.5,2]'  | 'languages.deu_Latn.layerScores[1]' is 2; expected a score in [0, 1].",
        "'\"score\":0.5,\"layerScores\":0.5'      | 'languages.deu_Latn.layerScores' is 0.5; expected an array.",
        "'\"score\":0.5,\"sentences\":\"40\"'     | 'languages.deu_Latn.sentences' is \"40\"; expected a whole number of at least 1.",
        "'\"score\":0.5,\"sentences\":40.5'       | 'languages.deu_Latn.sentences' is 40.5; expected a whole number of at least 1.",
        "'\"score\":0.5,\"sentences\":0'          | 'languages.deu_Latn.sentences' is 0; expected a whole number of at least 1.",
        "'\"score\":0.5,\"sentences\":1e30'       | 'languages.deu_Latn.sentences' is 1e30; expected a whole number of at least 1.",
        "'\"score\":0.5,\"pivot\":\"yes\"'        | 'languages.deu_Latn.pivot' is \"yes\"; expected true or false.",
        "'\"score\":0.5,\"threshold\":1.5'        | 'languages.deu_Latn.threshold' is 1.5; expected a score in [0, 1].",
        "'\"score\":0.5,\"verdict\":\"MAYBE\"'    | 'languages.deu_Latn.verdict' is \"MAYBE\"; expected one of [PASS, FAIL, NOT_GATED].",
        "'\"score\":0.5,\"violations\":[1]'       | 'languages.deu_Latn.violations[0]' is 1; expected a string.",
        "'\"score\":0.5,\"violatedRules\":[\"often\"]' | 'languages.deu_Latn.violatedRules[0]' is \"often\"; expected one of [minimum, maxDrop], each once.",
        "'\"score\":0.5,\"violatedRules\":[\"maxDrop\",\"maxDrop\"]' | 'languages.deu_Latn.violatedRules[1]' is \"maxDrop\"; expected one of [minimum, maxDrop], each once.",
        "'\"score\":0.5,\"estimatedScores\":{\"belebele\":3}' | 'languages.deu_Latn.estimatedScores.belebele' is 3; expected a score in [0, 1]."
    })
    void wronglyTypedOrOutOfRangeFieldsNameTheFileAndTheField(String fields, String detail) throws IOException {
        Path file = baseline(fields);
        assertThatThrownBy(() -> ReportJson.read(file)).isInstanceOf(MexaException.class)
                .hasMessage(file + " is not a valid MEXA report: " + detail + FIX);
    }

    @Test
    void nonFiniteScoresAreRejectedByTheParser() throws IOException {
        for (String value : new String[] {"NaN", "Infinity", "-Infinity", "1e400"}) {
            Path file = baseline("\"score\":" + value);
            assertThatThrownBy(() -> ReportJson.read(file)).isInstanceOf(MexaException.class)
                    .hasMessageStartingWith(file + " is not a MEXA report: it is not valid JSON")
                    .hasMessageNotContaining("NumberFormatException");
        }
    }

    @Test
    void aWronglyTypedHeaderNamesTheField() throws IOException {
        Path file = dir.resolve("header.json");
        Files.writeString(file, "{\"format\":\"mexa-report/1\",\"pivot\":7,\"languages\":{}}");
        assertThatThrownBy(() -> ReportJson.read(file))
                .hasMessage(file + " is not a valid MEXA report: 'pivot' is 7; expected a string." + FIX);
        Files.writeString(file, "{\"format\":\"mexa-report/1\",\"pivot\":\"eng_Latn\",\"languages\":{\"deu_Latn\":3}}");
        assertThatThrownBy(() -> ReportJson.read(file))
                .hasMessage(file + " is not a valid MEXA report: 'languages.deu_Latn' is 3; expected an object." + FIX);
    }

    @Test
    void aValidBaselineStillReads() throws IOException {
        MexaReport read = ReportJson.read(baseline("\"score\":0.5,\"layerScores\":[0.25,0.75],\"sentences\":40,"
                + "\"threshold\":null,\"verdict\":\"PASS\""));
        assertThat(read.score("deu_Latn")).isEqualTo(0.5);
        assertThat(read.result("deu_Latn").sentences()).isEqualTo(40);
        assertThat(read.result("deu_Latn").verdict()).isEqualTo(Verdict.PASS);
        // recorded before the gate recorded its violated rules
        assertThat(read.result("deu_Latn").gate().violatedRules()).isEmpty();
    }

    @Test
    void aNonFiniteNumberIsNeverWrittenAndNoReportIsLeftHalfWritten() {
        MexaReport report = ReportFixture.report().score("deu_Latn", 0.5, 0.5, Double.NaN).build();
        assertThatThrownBy(() -> ReportJson.toJson(report)).isInstanceOf(MexaException.class)
                .hasMessageStartingWith("The MEXA report cannot be written: 'languages.deu_Latn.layerScores[1]' is"
                        + " NaN, and a report holds finite numbers only.");
        assertThatThrownBy(() -> ReportWriter.write(report, dir)).isInstanceOf(MexaException.class);
        assertThat(dir.resolve(ReportWriter.JSON)).doesNotExist();
        assertThat(dir.resolve(ReportWriter.CSV)).doesNotExist();
    }
}
