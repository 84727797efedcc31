package dev.mexa.core.corpus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mexa.core.MexaException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ParallelCorpusTest {

    @TempDir
    Path dir;

    private void write(String name, String text) throws IOException {
        Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }

    @Test
    void readsTheFirstLinesOfEveryLanguage() throws IOException {
        write("eng_Latn.devtest", "One.\nTwo.\nThree.\n");
        write("deu_Latn.txt", "Eins.\r\nZwei.\r\nDrei.");
        write("fra_Latn.txt", "\uFEFFUn.\nDeux.\nTrois.\nQuatre.\n");
        write("README.md", "not a language\n");
        ParallelCorpus corpus = ParallelCorpus.read(dir, 2);
        assertThat(corpus.languages()).containsExactly("deu_Latn", "eng_Latn", "fra_Latn");
        assertThat(corpus.size()).isEqualTo(2);
        assertThat(corpus.sentences("deu_Latn")).containsExactly("Eins.", "Zwei.");
        assertThat(corpus.sentences("fra_Latn")).containsExactly("Un.", "Deux.");
        assertThat(corpus.file("eng_Latn")).isEqualTo(dir.resolve("eng_Latn.devtest"));
    }

    @Test
    void usesEveryLineWhenAllFilesAreShorterThanRequested() throws IOException {
        write("eng_Latn.txt", "a\nb\n");
        write("deu_Latn.txt", "c\nd\n");
        assertThat(ParallelCorpus.read(dir, 100).size()).isEqualTo(2);
    }

    @Test
    void rejectsAShorterFileNamingItAndTheLine() throws IOException {
        write("eng_Latn.devtest", "a\nb\nc\n");
        write("deu_Latn.devtest", "a\nb\n");
        assertThatThrownBy(() -> ParallelCorpus.read(dir, 3)).isInstanceOf(MexaException.class)
                .hasMessageContaining("deu_Latn.devtest ends after line 2")
                .hasMessageContaining("eng_Latn.devtest has 3 lines");
    }

    @Test
    void rejectsAnEmptyLine() throws IOException {
        write("eng_Latn.devtest", "a\n\nc\n");
        assertThatThrownBy(() -> ParallelCorpus.read(dir, 3)).isInstanceOf(MexaException.class)
                .hasMessageContaining("eng_Latn.devtest has an empty line 2");
    }

    @Test
    void ignoresAnEmptyLineBeyondTheRequestedOnes() throws IOException {
        write("eng_Latn.devtest", "a\nb\n\n");
        assertThat(ParallelCorpus.read(dir, 2).sentences("eng_Latn")).containsExactly("a", "b");
    }

    @Test
    void rejectsInvalidUtf8NamingTheLine() throws IOException {
        Files.write(dir.resolve("eng_Latn.devtest"), new byte[] {'o', 'k', '\n', 'b', (byte) 0xC3, '(', '\n'});
        assertThatThrownBy(() -> ParallelCorpus.read(dir, 2)).isInstanceOf(MexaException.class)
                .hasMessageContaining("eng_Latn.devtest is not valid UTF-8 at line 2");
    }

    @Test
    void stripsEachLineAsPythonsStrDotStripDoes() throws IOException {
        write("eng_Latn.dev", "  One. \t\nTwo.\u00A0\u3000\n\u2007Three.\u0085\n");
        write("deu_Latn.txt", "Eins.\nZwei.\n\u200BDrei.\n");
        ParallelCorpus corpus = ParallelCorpus.read(dir, 3);
        assertThat(corpus.sentences("eng_Latn")).containsExactly("One.", "Two.", "Three.");
        // a zero-width space is no whitespace to Python either
        assertThat(corpus.sentences("deu_Latn")).containsExactly("Eins.", "Zwei.", "\u200BDrei.");
    }

    @Test
    void rejectsALineOfWhitespaceOnlyAsEmpty() throws IOException {
        write("eng_Latn.devtest", "a\n \u00A0\t\nc\n");
        assertThatThrownBy(() -> ParallelCorpus.read(dir, 3)).isInstanceOf(MexaException.class)
                .hasMessageContaining("eng_Latn.devtest has an empty line 2");
    }

    @Test
    void rejectsACorpusMixingTheDevAndDevtestSplits() throws IOException {
        write("eng_Latn.devtest", "a\n");
        write("deu_Latn.dev", "b\n");
        write("fra_Latn.txt", "c\n");
        assertThatThrownBy(() -> ParallelCorpus.read(dir, 1)).isInstanceOf(MexaException.class)
                .hasMessageContaining("mixes FLORES-200 splits: deu_Latn.dev is from dev, eng_Latn.devtest from"
                        + " devtest")
                .hasMessageContaining("keep the files of one split only");
    }

    @Test
    void rejectsTwoFilesForOneLanguage() throws IOException {
        write("eng_Latn.devtest", "a\n");
        write("eng_Latn.txt", "a\n");
        assertThatThrownBy(() -> ParallelCorpus.read(dir, 1)).isInstanceOf(MexaException.class)
                .hasMessageContaining("two files for language eng_Latn");
    }

    @Test
    void rejectsAnEmptyOrMissingDirectory() throws IOException {
        assertThatThrownBy(() -> ParallelCorpus.read(dir, 1)).isInstanceOf(MexaException.class)
                .hasMessageContaining("holds no <lang>.devtest");
        assertThatThrownBy(() -> ParallelCorpus.read(dir.resolve("absent"), 1)).isInstanceOf(MexaException.class)
                .hasMessageContaining("does not exist");
        write("eng_Latn.txt", "");
        assertThatThrownBy(() -> ParallelCorpus.read(dir, 1)).isInstanceOf(MexaException.class)
                .hasMessageContaining("is empty");
    }

    @Test
    void namesTheFilesAMissingPivotWouldNeed() throws IOException {
        write("deu_Latn.txt", "a\n");
        ParallelCorpus corpus = ParallelCorpus.read(dir, 1);
        assertThatThrownBy(() -> corpus.requireLanguage("eng_Latn")).isInstanceOf(MexaException.class)
                .hasMessageContaining("no file for language eng_Latn")
                .hasMessageContaining("eng_Latn.devtest, eng_Latn.dev or eng_Latn.txt");
        assertThat(List.copyOf(corpus.languages())).containsExactly("deu_Latn");
    }
}
