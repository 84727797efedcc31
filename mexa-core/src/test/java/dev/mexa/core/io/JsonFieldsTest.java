package dev.mexa.core.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonObject;
import dev.mexa.core.MexaException;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonFieldsTest {

    private final JsonFields fields = new JsonFields((path, value, expected) -> new MexaException(path + " holds "
            + value + ", not " + expected));

    private static JsonObject json(String text) {
        return StrictJson.parse(text, "test", "").getAsJsonObject();
    }

    @Test
    void absentAndNullAreEmptyUnlessRequired() {
        JsonObject json = json("{\"n\":null}");

        assertThat(fields.text(json, "n", "n", false)).isNull();
        assertThat(fields.text(json, "x", "x", false)).isNull();
        assertThat(fields.flag(json, "n", "n", false)).isFalse();
        assertThat(fields.texts(json, "n", "n", false)).isEmpty();
        assertThatThrownBy(() -> fields.text(json, "n", "a.n", true)).hasMessage("a.n holds null, not a string");
        assertThatThrownBy(() -> fields.flag(json, "x", "a.x", true)).hasMessage("a.x holds null, not true or false");
        assertThatThrownBy(() -> fields.texts(json, "n", "a.n", true)).hasMessage("a.n holds null, not an array");
        assertThatThrownBy(() -> fields.object(json, "n", "a.n")).hasMessage("a.n holds null, not an object");
    }

    @Test
    void valuesOfAnotherTypeNameTheField() {
        JsonObject json = json("{\"s\":\"x\",\"b\":true,\"l\":[\"a\",1],\"o\":{}}");

        assertThat(fields.text(json, "s", "s", true)).isEqualTo("x");
        assertThat(fields.flag(json, "b", "b", true)).isTrue();
        assertThat(fields.object(json, "o", "o").size()).isZero();
        assertThat(fields.array(json, "l", "l", true)).hasSize(2);
        assertThatThrownBy(() -> fields.text(json, "b", "b", false)).hasMessage("b holds true, not a string");
        assertThatThrownBy(() -> fields.flag(json, "s", "s", false)).hasMessage("s holds \"x\", not true or false");
        assertThatThrownBy(() -> fields.texts(json, "l", "l", false)).hasMessage("l[1] holds 1, not a string");
        assertThatThrownBy(() -> fields.object(json, "s", "s")).hasMessage("s holds \"x\", not an object");
    }

    @Test
    void wholeNumbersAreExactAndWithinTheirRange() {
        JsonObject json = json("{\"a\":-7,\"b\":4e1,\"c\":0.5,\"d\":3000000000,\"e\":\"1\",\"f\":1e30}");

        assertThat(fields.integer(json, "a", "a")).isEqualTo(-7);
        assertThat(fields.whole(json.get("b"), "b", 1, 100)).isEqualTo(40);
        for (String key : List.of("c", "d", "e", "f")) {
            assertThatThrownBy(() -> fields.integer(json, key, key)).hasMessageEndingWith(", not a whole number");
        }
        assertThatThrownBy(() -> fields.integer(json, "x", "x")).hasMessage("x holds null, not a whole number");
        assertThatThrownBy(() -> fields.whole(json.get("a"), "a", 0, 9))
                .hasMessage("a holds -7, not a whole number of at least 0");
        assertThatThrownBy(() -> fields.whole(json.get("f"), "f", 0, Long.MAX_VALUE))
                .hasMessage("f holds 1e30, not a whole number of at least 0");
    }
}
