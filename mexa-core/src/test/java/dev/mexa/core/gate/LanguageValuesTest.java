package dev.mexa.core.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mexa.core.MexaException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LanguageValuesTest {

    @Test
    void readsThePropertyFormInOrder() {
        Map<String, Double> values = LanguageValues.parse("deu_Latn:0.85, swh_Latn:30%,", "mexa.thresholds");
        assertThat(values).containsExactly(Map.entry("deu_Latn", 0.85), Map.entry("swh_Latn", 0.3));
    }

    @Test
    void nullOrBlankMeansNone() {
        assertThat(LanguageValues.parse(null, "mexa.thresholds")).isEmpty();
        assertThat(LanguageValues.parse("  ", "mexa.thresholds")).isEmpty();
        assertThat(LanguageValues.of(null, "thresholds")).isEmpty();
    }

    @Test
    void readsTheXmlFormFromAMap() {
        Map<String, String> xml = new LinkedHashMap<>();
        xml.put("deu_Latn", "0.85");
        xml.put("swh_Latn", " 30% ");
        assertThat(LanguageValues.of(xml, "thresholds"))
                .containsExactly(Map.entry("deu_Latn", 0.85), Map.entry("swh_Latn", 0.3));
    }

    @Test
    void rejectsAPairWithoutAColon() {
        assertThatThrownBy(() -> LanguageValues.parse("deu_Latn=0.85", "mexa.thresholds"))
                .isInstanceOf(MexaException.class)
                .hasMessage("Invalid mexa.thresholds entry 'deu_Latn=0.85': write key:value pairs separated by"
                        + " commas, e.g. deu_Latn:0.85,swh_Latn:30%.");
        assertThatThrownBy(() -> LanguageValues.parse(":0.85", "mexa.thresholds"))
                .hasMessageStartingWith("Invalid mexa.thresholds entry ':0.85'");
    }

    @Test
    void rejectsAKeyGivenTwice() {
        assertThatThrownBy(() -> LanguageValues.parse("deu_Latn:0.8,deu_Latn:0.9", "mexa.thresholds"))
                .hasMessage("Invalid mexa.thresholds: 'deu_Latn' is given twice; keep one value.");
    }

    @Test
    void namesTheParameterAndKeyOfABadValue() {
        assertThatThrownBy(() -> LanguageValues.parse("deu_Latn:1.5", "mexa.thresholds"))
                .hasMessageStartingWith("Invalid mexa.thresholds deu_Latn '1.5': it must lie in [0, 1]");
        assertThatThrownBy(() -> LanguageValues.of(Map.of("belebele", "good"), "englishScores"))
                .hasMessageStartingWith("Invalid englishScores belebele 'good': write a fraction");
    }
}
