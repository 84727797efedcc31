package dev.mexa.core.corpus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mexa.core.MexaException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LanguageCodeTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"eng_Latn", "zho_Hans", "en", "en-US", "x1", "a"})
    void acceptsCodesLikeFlores(String code) {
        assertThat(LanguageCode.fromFileName(code, dir.resolve(code + ".txt"))).isEqualTo(code);
    }

    @ParameterizedTest
    @ValueSource(strings = {"=cmd|calc", "+SUM(A1)", "@x", "-x", "1eng", "eng Latn", "eng|Latn", "[x](javascript:1)",
        "eng\nLatn", "_x", "eng.Latn"})
    void refusesAnythingElseSayingWhatIsAllowed(String code) {
        Path file = dir.resolve("x.txt");
        assertThatThrownBy(() -> LanguageCode.fromFileName(code, file)).isInstanceOf(MexaException.class)
                .hasMessageStartingWith("File " + file + " names language '")
                .hasMessageContaining("which is not a language code: a code is " + LanguageCode.ALLOWED)
                .hasMessageEndingWith("Rename the file or move it out of the directory.");
    }

    /** The finding: a 240-character language name broke the export's temporary file name. */
    @Test
    void aCorpusFileWithA240CharacterNameIsAClearError() throws IOException {
        Path file = dir.resolve("a".repeat(240) + ".txt");
        Files.writeString(file, "x\n");
        Files.writeString(dir.resolve("eng_Latn.txt"), "y\n");
        assertThatThrownBy(() -> ParallelCorpus.read(dir, 1)).isInstanceOf(MexaException.class)
                .hasMessageContaining("names language '" + "a".repeat(LanguageCode.MAX_LENGTH) + "...'")
                .hasMessageContaining("at most " + LanguageCode.MAX_LENGTH + " characters");
    }

    @Test
    void aCorpusFileNamedLikeAFormulaIsRefused() throws IOException {
        Files.writeString(dir.resolve("=cmd.txt"), "x\n");
        assertThatThrownBy(() -> ParallelCorpus.read(dir, 1)).isInstanceOf(MexaException.class)
                .hasMessageContaining("names language '=cmd', which is not a language code");
    }
}
