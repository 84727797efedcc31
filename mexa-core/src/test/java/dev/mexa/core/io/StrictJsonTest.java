package dev.mexa.core.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import dev.mexa.core.MexaException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StrictJsonTest {

    @TempDir
    Path dir;

    private static JsonElement parse(String text) {
        return StrictJson.parse(text, "Test input", "Fix it.");
    }

    @Test
    void readsValidJsonAsGsonDoes() {
        String text = "{\"a\": [1, -2.5e3, 0, true, false, null, \"x\\u00e9\\n\\\"\"], \"b\": {\"c\": {}}, \"d\": []}";
        assertThat(parse(text)).isEqualTo(JsonParser.parseString(text));
        assertThat(parse(" 7 ").getAsInt()).isEqualTo(7);
        assertThat(parse("{\"n\": 16}").getAsJsonObject().get("n").getAsLong()).isEqualTo(16L);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            comment                 | {"a": 1 // note\\n}         | line 1, column 9: a comment; JSON has no comments
            block comment           | /* x */ {}                    | line 1, column 1: a comment
            unquoted key            | {a: 1}                        | line 1, column 2: expected a key in double quotes, found 'a'
            single-quoted key       | {'a': 1}                      | line 1, column 2: a key in single quotes
            single-quoted string    | {"a": 'x'}                    | line 1, column 7: a string in single quotes
            trailing garbage        | {"a": 1} x                    | line 1, column 10: unexpected 'x' after the end of the JSON value
            second value            | {} {}                         | line 1, column 4: unexpected '{' after the end
            duplicate key           | {"a": 1, "a": 2}              | line 1, column 10: duplicate key "a"
            nested duplicate key    | {"x": [{"k": 1,\\n "k": 1}]} | line 2, column 2: duplicate key "k"
            NaN                     | {"a": NaN}                    | line 1, column 7: NaN and Infinity are not JSON numbers
            Infinity                | [Infinity]                    | NaN and Infinity are not JSON numbers
            minus Infinity          | [-Infinity]                   | NaN and Infinity are not JSON numbers
            overflowing number      | [1e400]                       | the number 1e400 is too large to be a finite double
            leading zero            | [01]                          | a number with a leading zero
            hexadecimal             | [0x10]                        | expected ',' or ']', found 'x'
            bare dot                | [.5]                          | expected a JSON value
            trailing comma object   | {"a": 1,}                     | a trailing comma before '}'
            trailing comma array    | [1,]                          | a trailing comma before ']'
            unclosed object         | {"a": 1                       | expected ',' or '}', found the end of the text
            unclosed string         | ["abc                         | a string is not closed
            bad escape              | ["\\x"]                       | an invalid escape '\\x'
            empty                   | `   `                         | the text is empty
            """)
    void rejectsWhatLenientParsersAccept(String what, String text, String expected) {
        String input = text.replace("\\n", "\n");
        assertThatThrownBy(() -> parse(input)).as(what).isInstanceOf(MexaException.class)
                .hasMessageStartingWith("Test input is not valid JSON at ")
                .hasMessageContaining(expected).hasMessageEndingWith(". Fix it.")
                .message().doesNotContain("setStrictness", "Gson", "JsonReader", "Troubleshooting", "$.");
    }

    @Test
    void rejectsControlCharactersInStrings() {
        assertThatThrownBy(() -> parse("[\"a\tb\"]")).isInstanceOf(MexaException.class)
                .hasMessageContaining("a control character (code 9) inside a string");
    }

    @Test
    void deepNestingIsAnErrorNotAStackOverflow() {
        String deep = "[".repeat(100_000) + "]".repeat(100_000);
        assertThatThrownBy(() -> parse(deep)).isInstanceOf(MexaException.class)
                .hasMessageContaining("nested more than " + StrictJson.MAX_DEPTH + " deep");
        String allowed = "[".repeat(StrictJson.MAX_DEPTH) + "]".repeat(StrictJson.MAX_DEPTH);
        assertThat(parse(allowed).isJsonArray()).isTrue();
    }

    @Test
    void filesAreNamedWithTheSubject() throws IOException {
        Path file = dir.resolve("config.json");
        Files.writeString(file, "{\n  \"a\": 1,\n  \"a\": 2\n}\n");
        assertThatThrownBy(() -> StrictJson.read(file, "model config", "Re-download the checkpoint."))
                .isInstanceOf(MexaException.class)
                .hasMessage("Model config " + file + " is not valid JSON at line 3, column 3: duplicate key \"a\""
                        + " (each key may appear once in an object). Re-download the checkpoint.");
    }

    @Test
    void malformedUtf8NamesTheFileAndLine() throws IOException {
        Path file = dir.resolve("baseline.json");
        byte[] bytes = "{\n\"a\":\n\"x\"}".getBytes(StandardCharsets.UTF_8);
        bytes[8] = (byte) 0xC3;
        Files.write(file, bytes);
        assertThatThrownBy(() -> StrictJson.read(file, "MEXA report", "Fix it."))
                .isInstanceOf(MexaException.class)
                .hasMessage("MEXA report " + file + " is not valid UTF-8 at line 3: re-encode it as UTF-8.")
                .message().doesNotContain("Input length");
    }
}
