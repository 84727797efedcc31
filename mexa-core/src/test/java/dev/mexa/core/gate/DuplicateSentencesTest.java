package dev.mexa.core.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mexa.core.MexaException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DuplicateSentencesTest {

    @TempDir
    Path corpus;

    @Test
    void warnsAboutRepeatedLinesWithinTheScoredSentences() throws IOException {
        Files.writeString(corpus.resolve("eng_Latn.devtest"), "a\nb\nc\nd\n");
        Files.writeString(corpus.resolve("swh_Latn.devtest"), "x\ny\nx\nz\n");

        List<String> warnings = DuplicateSentences.warnings(corpus, List.of("eng_Latn", "swh_Latn"), "eng_Latn", 100);

        assertThat(warnings).containsExactly("swh_Latn.devtest repeats sentences within its first 100 lines (line 3"
                + " repeats line 1): identical sentences never count for swh_Latn under MEXA's strict rule, which"
                + " caps the score; remove or replace the repeats.");
    }

    @Test
    void aRepeatInThePivotCostsEveryLanguage() throws IOException {
        Files.writeString(corpus.resolve("eng_Latn.txt"), "a\na\n");

        assertThat(DuplicateSentences.warnings(corpus, List.of("eng_Latn"), "eng_Latn", 100))
                .singleElement().asString().contains("never count for any language");
    }

    @Test
    void looksOnlyAtTheLinesThatAreScored() throws IOException {
        Files.writeString(corpus.resolve("deu_Latn.txt"), "a\nb\na\n");

        assertThat(DuplicateSentences.warnings(corpus, List.of("deu_Latn"), "eng_Latn", 2)).isEmpty();
    }

    @Test
    void namesAFewRepeatsAndCountsTheRest() throws IOException {
        Files.writeString(corpus.resolve("deu_Latn.dev"), "a\na\na\na\na\na\n");

        assertThat(DuplicateSentences.warnings(corpus, List.of("deu_Latn"), "eng_Latn", 100)).singleElement()
                .asString().contains("(line 2 repeats line 1; line 3 repeats line 1; line 4 repeats line 1; 2 more)");
    }

    @Test
    void passesOverLanguagesWithoutAFile() {
        assertThat(DuplicateSentences.warnings(corpus, List.of("deu_Latn"), "eng_Latn", 100)).isEmpty();
    }

    @Test
    void namesAFileThatIsNotUtf8() throws IOException {
        Files.write(corpus.resolve("deu_Latn.txt"), new byte[] {'a', '\n', (byte) 0xff, (byte) 0xfe, '\n'});

        assertThatThrownBy(() -> DuplicateSentences.warnings(corpus, List.of("deu_Latn"), "eng_Latn", 100))
                .isInstanceOf(MexaException.class)
                .hasMessageContaining("deu_Latn.txt");
    }
}
