package dev.mexa.core.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class DuplicateSentencesTest {

    private final Path swahili = Path.of("corpus", "swh_Latn.devtest");

    @Test
    void warnsAboutRepeatedSentences() {
        assertThat(DuplicateSentences.warning("swh_Latn", swahili, List.of("x", "y", "x", "z"), false)).contains(
                "swh_Latn.devtest repeats sentences within its first 4 lines (line 3 repeats line 1): identical"
                        + " sentences never count for swh_Latn under MEXA's strict rule, which caps the score; remove"
                        + " or replace the repeats.");
    }

    @Test
    void aRepeatInThePivotCostsEveryLanguage() {
        assertThat(DuplicateSentences.warning("eng_Latn", Path.of("eng_Latn.txt"), List.of("a", "a"), true))
                .hasValueSatisfying(warning -> assertThat(warning).contains("never count for any language"));
    }

    @Test
    void namesAFewRepeatsAndCountsTheRest() {
        assertThat(DuplicateSentences.warning("deu_Latn", Path.of("deu_Latn.dev"), List.of("a", "a", "a", "a", "a",
                "a"), false)).hasValueSatisfying(warning -> assertThat(warning)
                        .contains("(line 2 repeats line 1; line 3 repeats line 1; line 4 repeats line 1; 2 more)"));
    }

    @Test
    void distinctSentencesGiveNoWarning() {
        assertThat(DuplicateSentences.warning("deu_Latn", Path.of("deu_Latn.txt"), List.of("a", "b"), false))
                .isEmpty();
    }
}
