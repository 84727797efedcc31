package dev.mexa.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Defence in depth behind {@link dev.mexa.core.corpus.LanguageCode}: text from the user (language names, model
 * and corpus paths, notes) cannot become a spreadsheet formula in the CSV or live Markdown in the summary.
 */
class ReportEscapingTest {

    private static MexaReport reportWith(String language, String model, String note) {
        return ReportFixture.report().sentences(4).model(model).note(note).score(language, 0.5).build();
    }

    @ParameterizedTest
    @ValueSource(strings = {"=cmd|' /C calc'!A0", "+SUM(A1:A2)", "-2+3", "@x", "\tx", "\rx"})
    void csvCellsThatStartLikeFormulasAreDefused(String language) {
        String csv = ReportCsv.toCsv(reportWith(language, "m", "n"));
        assertThat(csv).contains("\n" + ReportCsv.cell(language) + ",false,4,0.5,");
        assertThat(ReportCsv.cell(language)).isEqualTo("\"'" + language.replace("\"", "\"\"") + "\"");
    }

    @Test
    void csvCellsAreQuotedAsRfc4180Says() {
        assertThat(ReportCsv.cell("eng_Latn")).isEqualTo("eng_Latn");
        assertThat(ReportCsv.cell("a,b")).isEqualTo("\"a,b\"");
        assertThat(ReportCsv.cell("say \"x\"")).isEqualTo("\"say \"\"x\"\"\"");
        assertThat(ReportCsv.cell("a\nb")).isEqualTo("\"a\nb\"");
        assertThat(ReportCsv.cell("a\rb")).isEqualTo("\"a\rb\"");
        assertThat(ReportCsv.cell("")).isEmpty();
    }

    @Test
    void markdownCellsCannotSplitTheTableOrLink() {
        String markdown = ReportMarkdown.toMarkdown(
                reportWith("x|y\n| evil | row", "model`path", "see [x](javascript:alert(1)) <img src=x> \\"));
        assertThat(markdown).contains("| x\\|y \\| evil \\| row |")
                .contains("Model: ``model`path``")
                .contains("- see \\[x\\](javascript:alert(1)) &lt;img src=x&gt; \\\\")
                .doesNotContain("[x](").doesNotContain("<img");
        assertThat(markdown.lines().filter(line -> line.startsWith("| "))).hasSize(3);
    }

    @Test
    void markdownEscapesImagesAndEntities() {
        assertThat(ReportMarkdown.escape("![a](b) &amp; `c`")).isEqualTo("!\\[a\\](b) &amp;amp; \\`c\\`");
        assertThat(ReportMarkdown.code("`x`")).isEqualTo("`` `x` ``");
        assertThat(ReportMarkdown.code("a\nb")).isEqualTo("`a b`");
    }
}
