package dev.mexa.core.corpus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.mexa.core.MexaException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The FLORES-200 excerpt of {@code mexa-flores200}, read from the class path as the default corpus. */
class BundledCorpusTest {

    private static final String NAME = "bundled FLORES-200 devtest (first 100 sentences)";

    @Test
    void holdsEveryFlores200LanguageWithItsFirstHundredSentences() {
        ParallelCorpus corpus = BundledCorpus.read(100);

        assertThat(corpus.languages()).hasSize(204).contains("eng_Latn", "deu_Latn", "swh_Latn", "zho_Hans");
        assertThat(corpus.size()).isEqualTo(100);
        assertThat(corpus.description()).isEqualTo(NAME);
        assertThat(corpus.languages()).allSatisfy(language -> assertThat(corpus.sentences(language)).hasSize(100));
    }

    @Test
    void fewerSentencesAreTheLeadingOnesOfTheSameCorpus() {
        ParallelCorpus corpus = BundledCorpus.read(10);

        assertThat(corpus.size()).isEqualTo(10);
        assertThat(corpus.description()).isEqualTo(NAME);
        assertThat(corpus.sentences("eng_Latn")).isEqualTo(BundledCorpus.read(100).sentences("eng_Latn")
                .subList(0, 10));
    }

    @Test
    void moreSentencesThanBundledIsAnErrorPointingAtTheCorpusSetting() {
        assertThatThrownBy(() -> BundledCorpus.read(101)).isInstanceOf(MexaException.class)
                .hasMessage("sentences (mexa.sentences) is 101, but the bundled FLORES-200 devtest corpus holds the"
                        + " first 100 sentences of each language: set corpus (mexa.corpus) to a directory with more,"
                        + " such as the full FLORES-200 devtest (1012 sentences), or score at most 100.");
    }

    @Test
    void aCopyOfTheBundledFilesIsAnOrdinaryDirectory(@TempDir Path copy) throws IOException {
        for (String language : List.of("eng_Latn", "deu_Latn")) {
            Files.write(copy.resolve(language + ".devtest"), bundled(language));
        }

        ParallelCorpus corpus = ParallelCorpus.read(copy, 150);

        assertThat(corpus.description()).isEqualTo(copy.toString());
        assertThat(corpus.size()).isEqualTo(100);
    }

    @Test
    void everyFileIsByteForByteTheFirstHundredLinesOfTheSharedCopy() throws IOException {
        String root = System.getProperty("mexa.shared.dir");
        assumeTrue(root != null && !root.isBlank(), "mexa.shared.dir is not set");
        Path devtest = Path.of(root, "data", "flores200", "devtest");
        assumeTrue(Files.isDirectory(devtest), devtest + " is absent");
        ParallelCorpus corpus = BundledCorpus.read(100);
        try (var shared = Files.list(devtest)) {
            assertThat(shared.map(file -> file.getFileName().toString().replace(".devtest", "")))
                    .containsExactlyInAnyOrderElementsOf(corpus.languages());
        }
        for (String language : corpus.languages()) {
            byte[] expected = firstLines(Files.readAllBytes(devtest.resolve(language + ".devtest")), 100);
            assertThat(bundled(language)).as(language).isEqualTo(expected);
        }
    }

    private static byte[] bundled(String language) throws IOException {
        try (InputStream in = BundledCorpus.class.getClassLoader()
                .getResourceAsStream("dev/mexa/flores200/devtest/" + language + ".devtest")) {
            assertThat(in).as(language).isNotNull();
            return in.readAllBytes();
        }
    }

    private static byte[] firstLines(byte[] bytes, int lines) {
        int end = 0;
        for (int line = 0; line < lines && end < bytes.length; end++) {
            if (bytes[end] == '\n') {
                line++;
            }
        }
        return Arrays.copyOf(bytes, end);
    }
}
