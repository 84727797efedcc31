package dev.mexa.core.report.html;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mexa.core.gate.GateRules;
import dev.mexa.core.gate.QualityGate;
import dev.mexa.core.report.BaselineChange;
import dev.mexa.core.report.BaselineChange.Kind;
import dev.mexa.core.report.MexaReport;
import dev.mexa.core.report.ReportFixture;
import dev.mexa.core.report.ReportJson;
import dev.mexa.core.report.ReportWriter;
import dev.mexa.core.report.ViolatedRule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The comparison view of a fine-tune against its base model, gated by the real gate with {@code maxDrop} 0.05 and
 * one threshold: its rows sorted by delta, the gate's regressions told apart from smaller drops, its values.
 */
class ComparisonChartTest {

    private static final MexaReport BASE = ReportFixture.report().score("deu_Latn", 0.80).score("fra_Latn", 0.60)
            .score("spa_Latn", 0.50).score("ita_Latn", 0.40).score("hin_Deva", 0.50).build();

    /** deu −0.10 and hin −0.15 (also below its 0.40) beyond maxDrop, fra −0.02 within, spa +0.10, ita same. */
    static MexaReport fineTune() {
        MexaReport current = ReportFixture.report().score("deu_Latn", 0.70).score("fra_Latn", 0.58)
                .score("spa_Latn", 0.60).score("ita_Latn", 0.40).score("hin_Deva", 0.35).score("swh_Latn", 0.30)
                .build();
        return QualityGate.check(current, GateRules.builder().baseline(BASE, "mexa-baseline.json").maxDrop(0.05)
                .thresholds(Map.of("hin_Deva", 0.40)).build()).report();
    }

    @Test
    void theGatesRegressionsAreToldApartFromSmallerDrops() {
        MexaReport report = fineTune();

        assertThat(kind(report, "deu_Latn")).isEqualTo(Kind.REGRESSION);
        assertThat(kind(report, "hin_Deva")).isEqualTo(Kind.REGRESSION);
        assertThat(kind(report, "fra_Latn")).isEqualTo(Kind.DROP);
        assertThat(kind(report, "spa_Latn")).isEqualTo(Kind.GAIN);
        assertThat(kind(report, "ita_Latn")).isEqualTo(Kind.UNCHANGED);
        assertThat(BaselineChange.of(report.result("swh_Latn"))).isEmpty();
        assertThat(BaselineChange.of(report.result("eng_Latn"))).isEmpty();
    }

    @Test
    void theRecordedReportKeepsWhatTheGateJudged(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve(ReportWriter.JSON), ReportJson.toJson(fineTune()));
        MexaReport read = ReportJson.read(file);

        assertThat(read.result("hin_Deva").gate().violatedRules())
                .containsExactlyInAnyOrder(ViolatedRule.MINIMUM, ViolatedRule.MAX_DROP);
        assertThat(kind(read, "deu_Latn")).isEqualTo(Kind.REGRESSION);
        assertThat(kind(read, "fra_Latn")).isEqualTo(Kind.DROP);
        assertThat(HtmlReport.render(read)).isEqualTo(HtmlReport.render(fineTune()));
    }

    @Test
    void aFailedThresholdAloneIsNoRegression() {
        MexaReport current = ReportFixture.report().score("deu_Latn", 0.79).build();
        MexaReport gated = QualityGate.check(current, GateRules.builder().baseline(BASE, "mexa-baseline.json")
                .maxDrop(0.05).minScore(0.9).build()).report();

        assertThat(gated.result("deu_Latn").violations()).hasSize(1);
        assertThat(kind(gated, "deu_Latn")).isEqualTo(Kind.DROP);
    }

    @Test
    void rowsAreSortedByDeltaLargestDropFirstAndMarked() {
        String html = HtmlReport.render(fineTune());
        String chart = chart(html);

        assertThat(HtmlReportTest.attributeValues(chart, "<g class=\"change [a-z]+\" data-language=\"([^\"]+)\""))
                .containsExactly("hin_Deva", "deu_Latn", "fra_Latn", "ita_Latn", "spa_Latn");
        assertThat(HtmlReportTest.attributeValues(chart, "<g class=\"change ([a-z]+)\""))
                .containsExactly("regression", "regression", "drop", "unchanged", "gain");
        assertThat(HtmlReportTest.attributeValues(chart, "data-delta=\"([^\"]+)\"").stream().map(Double::valueOf).toList()).isSorted();
        assertThat(chart).contains(">−0.150 REGRESSION</text>", ">−0.100 REGRESSION</text>",
                ">−0.020 drop</text>", ">+0.100</text>", ">+0.000</text>");
    }

    @Test
    void eachRowHasBaselineAndCurrentBarsToScale() {
        String chart = chart(HtmlReport.render(fineTune()));

        assertThat(count(chart, "<rect class=\"baseline-bar\"")).isEqualTo(5);
        assertThat(count(chart, "<rect class=\"current\"")).isEqualTo(5);
        // deu_Latn: baseline 0.80 and now 0.70 of the 480-pixel plot
        String deu = chart.substring(chart.indexOf("data-language=\"deu_Latn\""));
        assertThat(deu).contains("<rect class=\"baseline-bar\" x=\"250\" y=\"3\" width=\"384\"",
                "<rect class=\"current\" x=\"250\" y=\"11\" width=\"336\"");
        assertThat(deu).contains("<title>deu_Latn German: baseline 0.800, now 0.700, −0.100 REGRESSION</title>");
    }

    @Test
    void theViewExplainsItselfInWords() {
        String html = HtmlReport.render(fineTune());

        assertThat(html).contains("<h2 id=\"comparison-heading\">Against the baseline</h2>",
                "2 of 5 compared languages regressed beyond maxDrop, 1 dropped within it, 1 gained, 1 unchanged.",
                "1 language is not in the baseline and not shown.", "aria-label=\"Comparison key\"",
                "REGRESSION, a drop beyond maxDrop (hatched)",
                "<title id=\"comparison-chart-title\">Baseline and current MEXA score of 5 languages, sorted by change,"
                        + " largest drop first: 2 of 5");
        // first on the page: for a fine-tune against its base it is what a reader looks for
        assertThat(html.indexOf("id=\"comparison\"")).isLessThan(html.indexOf("id=\"scores\""));
    }

    @Test
    void withoutABaselineThePageHasNoComparison() {
        String html = HtmlReport.render(ReportFixture.report().score("deu_Latn", 0.7).build());

        assertThat(html).doesNotContain("id=\"comparison\"", "<rect class=\"baseline-bar\"");
    }

    private static Kind kind(MexaReport report, String language) {
        return BaselineChange.of(report.result(language)).orElseThrow().kind();
    }

    private static String chart(String html) {
        int start = html.indexOf("<svg id=\"comparison-chart\"");
        return html.substring(start, html.indexOf("</svg>", start));
    }

    private static int count(String text, String needle) {
        return text.split(Pattern.quote(needle), -1).length - 1;
    }
}
