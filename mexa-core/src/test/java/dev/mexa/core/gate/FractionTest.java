package dev.mexa.core.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mexa.core.MexaException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class FractionTest {

    @ParameterizedTest
    @CsvSource({"0.85, 0.85", "85%, 0.85", "' 30 % ', 0.3", "0, 0", "1, 1", "100%, 1", "0%, 0", "1.0, 1"})
    void readsDecimalsAndPercentages(String text, double expected) {
        assertThat(Fraction.parse(text, "minScore")).isCloseTo(expected, org.assertj.core.data.Offset.offset(1e-12));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.5", "-0.1", "150%", "-5%", "1.000001"})
    void rejectsValuesOutsideTheUnitIntervalNamingTheParameter(String text) {
        assertThatThrownBy(() -> Fraction.parse(text, "minScore"))
                .isInstanceOf(MexaException.class)
                .hasMessage("Invalid minScore '" + text + "': it must lie in [0, 1]; write a fraction such as 0.85 or"
                        + " a percentage such as 85%.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"high", "", "%", "0,85", "NaN", "Infinity"})
    void rejectsTextThatIsNotANumber(String text) {
        assertThatThrownBy(() -> Fraction.parse(text, "thresholds deu_Latn"))
                .isInstanceOf(MexaException.class)
                .hasMessageStartingWith("Invalid thresholds deu_Latn '" + text.trim() + "': write a fraction");
    }

    /** Issue 10: Java's own float syntax is not a threshold. */
    @ParameterizedTest
    @ValueSource(strings = {"0x1p-1", "0.5d", "0.5f", "5e-1", "+0.5", "0.5.1", "1_0%", "٠.٥", "0.5 0"})
    void rejectsJavaFloatSyntaxAndAnythingButPlainDecimals(String text) {
        assertThatThrownBy(() -> Fraction.parse(text, "minScore (mexa.minScore)"))
                .isInstanceOf(MexaException.class)
                .hasMessage("Invalid minScore (mexa.minScore) '" + text + "': write a fraction such as 0.85 or a"
                        + " percentage such as 85%.");
    }

    @ParameterizedTest
    @CsvSource({"'.5', 0.5", "'1.', 1", "'50.5%', 0.505", "'0.850000', 0.85"})
    void readsEveryPlainDecimal(String text, double expected) {
        assertThat(Fraction.parse(text, "minScore")).isCloseTo(expected, org.assertj.core.data.Offset.offset(1e-12));
    }

    @Test
    void rejectsNullAsNotANumber() {
        assertThatThrownBy(() -> Fraction.parse(null, "maxDrop")).hasMessageStartingWith("Invalid maxDrop '':");
    }

    @Test
    void requireChecksProgrammaticValues() {
        assertThat(Fraction.require(0.5, "maxDrop")).isEqualTo(0.5);
        assertThatThrownBy(() -> Fraction.require(2.0, "maxDrop"))
                .hasMessageStartingWith("Invalid maxDrop '2.0': it must lie in [0, 1]");
        assertThatThrownBy(() -> Fraction.require(Double.NaN, "maxDrop")).hasMessageStartingWith("Invalid maxDrop 'NaN'");
    }
}
