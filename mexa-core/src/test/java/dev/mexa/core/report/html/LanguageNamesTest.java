package dev.mexa.core.report.html;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class LanguageNamesTest {

    private final LanguageNames names = LanguageNames.flores200();

    @Test
    void namesFloresCodesAndTheirScripts() {
        assertThat(names.name("eng_Latn")).isEqualTo("English");
        assertThat(names.script("eng_Latn")).isEqualTo("Latin");
        assertThat(names.name("zho_Hant")).isEqualTo("Chinese (Traditional)");
        assertThat(names.script("zho_Hant")).isEqualTo("Han (Traditional)");
        assertThat(names.name("amh_Ethi")).isEqualTo("Amharic");
        assertThat(names.script("amh_Ethi")).isEqualTo("Ge'ez");
    }

    @Test
    void fallsBackToTheCodeForUnknownLanguages() {
        assertThat(names.name("xyz_Abcd")).isEqualTo("xyz_Abcd");
        assertThat(names.script("xyz_Abcd")).isEqualTo("Abcd");
        assertThat(names.script("<script>")).isEmpty();
    }

    @Test
    void everyFloresCodeHasANameAndAKnownScript() {
        List<String> codes = firstColumn("flores200-languages.tsv");
        List<String> scripts = firstColumn("iso15924-scripts.tsv");
        assertThat(codes).hasSize(204).doesNotHaveDuplicates();
        for (String code : codes) {
            assertThat(names.name(code)).as(code).isNotEqualTo(code);
            assertThat(scripts).as(code).contains(code.substring(code.indexOf('_') + 1));
        }
    }

    private static List<String> firstColumn(String resource) {
        return Arrays.stream(ClasspathText.read(resource).split("\n")).filter(line -> !line.startsWith("#"))
                .map(line -> line.split("\t")[0]).toList();
    }
}
