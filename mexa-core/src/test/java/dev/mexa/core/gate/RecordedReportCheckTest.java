package dev.mexa.core.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mexa.core.MexaException;
import dev.mexa.core.evaluate.Evaluation;
import dev.mexa.core.report.MexaReport;
import dev.mexa.core.report.ReportJUnitXml;
import dev.mexa.core.report.ReportWriter;
import dev.mexa.core.report.Verdict;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.xml.sax.InputSource;

/**
 * A recorded {@code mexa-report.json} gated again without a model ({@link Evaluation#check}) judges exactly as the
 * gate does on a fresh report, and the JUnit XML holds one test case per gated language.
 */
class RecordedReportCheckTest {

    @TempDir
    Path dir;

    private static final GateRules RULES = GateRules.builder().minScore(0.3).threshold("deu_Latn", 0.85).build();

    private Path recorded(MexaReport report) {
        ReportWriter.write(report, dir);
        return dir.resolve(ReportWriter.JSON);
    }

    @Test
    void gatingARecordedReportEqualsGatingItWhenItWasMade() {
        MexaReport scored = Reports.of("deu_Latn", 0.93, "swh_Latn", 0.21, "fra_Latn", 0.5);

        GateResult direct = Evaluation.judge(scored, RULES, Map.of());
        GateResult again = Evaluation.check(recorded(scored), RULES, Map.of());

        assertThat(again.violations()).containsExactlyElementsOf(direct.violations())
                .containsExactly("Rule violated for language swh_Latn: MEXA score is 0.21, but expected minimum is"
                        + " 0.30");
        assertThat(again.summary()).isEqualTo(direct.summary())
                .isEqualTo("MEXA checks have not been met (1 of 3 languages)");
    }

    @Test
    void newRulesReplaceTheVerdictsTheReportHolds() {
        MexaReport failed = Evaluation.judge(Reports.of("deu_Latn", 0.93, "swh_Latn", 0.21), RULES, Map.of())
                .report();

        GateResult relaxed = Evaluation.check(recorded(failed), GateRules.builder().minScore(0.2).build(),
                Map.of());

        assertThat(relaxed.passed()).isTrue();
        assertThat(relaxed.report().result("deu_Latn").threshold()).isEqualTo(0.2);
        assertThat(relaxed.report().result("swh_Latn").verdict()).isEqualTo(Verdict.PASS);
    }

    @Test
    void aRuleThatCannotApplyToTheRecordedReportIsAConfigurationError() {
        Path report = recorded(Reports.of("deu_Latn", 0.93));

        assertThatThrownBy(() -> Evaluation.check(report, GateRules.builder().threshold("wol_Latn", 0.1).build(),
                Map.of())).isInstanceOf(MexaException.class).hasMessageContaining("wol_Latn");
    }

    @Test
    void aMissingReportNamesTheParameter() {
        assertThatThrownBy(() -> Evaluation.check(dir.resolve("none.json"), RULES, Map.of()))
                .isInstanceOf(MexaException.class).hasMessageStartingWith("Invalid report (mexa.report): ")
                .hasMessageContaining("none.json does not exist");
    }

    @Test
    void junitXmlHasOneTestCasePerGatedLanguageAndAFailurePerViolatingOne() throws Exception {
        MexaReport gated = Evaluation.judge(Reports.of("deu_Latn", 0.93, "swh_Latn", 0.21),
                GateRules.builder().threshold("swh_Latn", 0.3).build(), Map.of()).report();

        Document xml = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new InputSource(new StringReader(ReportJUnitXml.toXml(gated))));

        Element suite = xml.getDocumentElement();
        assertThat(suite.getTagName()).isEqualTo("testsuite");
        assertThat(suite.getAttribute("tests")).isEqualTo("1");
        assertThat(suite.getAttribute("failures")).isEqualTo("1");
        Element testCase = (Element) suite.getElementsByTagName("testcase").item(0);
        assertThat(testCase.getAttribute("name")).isEqualTo("swh_Latn");
        assertThat(testCase.getElementsByTagName("failure").item(0).getTextContent())
                .isEqualTo("Rule violated for language swh_Latn: MEXA score is 0.21, but expected minimum is 0.30");
    }
}
