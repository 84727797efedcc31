package dev.mexa.core.report.html;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mexa.core.gate.GateRules;
import dev.mexa.core.gate.QualityGate;
import dev.mexa.core.report.LanguageResult;
import dev.mexa.core.report.MexaReport;
import dev.mexa.core.report.ReportFixture;
import dev.mexa.core.report.ViolatedRule;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class HtmlReportTest {

    /** Every element the page may contain; anything else came from input. */
    private static final Set<String> PAGE_ELEMENTS = Set.of("html", "head", "meta", "title", "style", "body", "main",
            "header", "h1", "h2", "p", "dl", "div", "dt", "dd", "code", "time", "details", "summary", "ul", "li",
            "section", "svg", "defs", "pattern", "rect", "line", "g", "text", "tspan", "label", "input", "span",
            "table", "caption", "thead", "tbody", "tfoot", "tr", "th", "td", "button", "footer", "cite", "script");

    private static final String HOSTILE_CODE = "<script>";
    private static final String ATTRIBUTE_BREAKER = "x\" onmouseover=\"alert(1)";
    private static final String SVG_BREAKER = "</text></svg><img src=x onerror=alert(2)>";

    private static MexaReport hostile() {
        return ReportFixture.report().embedding("<b>embedding</b>").pooling("<u>pooling</u>").sentences(10).layers(2)
                .layerRange("<s>0-</s>").model("/models/<iframe src=javascript:alert(4)>")
                .corpus("/corpus/\"quoted\" & 'apostrophe'").createdAt("<time>not a date").durationMillis(1234)
                .note("note with <object data=x>")
                .language(LanguageResult.ungated(HOSTILE_CODE, false, 10, 0.2, new double[] {0.1, 0.3})
                        .withGate(ReportFixture.failed(0.5, 0.4, ViolatedRule.MINIMUM, "Rule violated for language"
                                + " <script>alert(3)</script>"))
                        .withEstimatedScores(Map.of("<i>belebele</i>", 0.18)))
                .language(LanguageResult.ungated(ATTRIBUTE_BREAKER, false, 10, 0.9, new double[] {0.8, 1})
                        .withGate(ReportFixture.passed(0.5, null)))
                .score(SVG_BREAKER, 0.6, 0.6, 0.6)
                .build();
    }

    @Test
    void inputCannotAddElementsOrAttributes() {
        String html = HtmlReport.render(hostile());
        assertThat(elementNames(html)).isSubsetOf(PAGE_ELEMENTS);
        assertThat(html).doesNotContain("onmouseover=\"", "<i>belebele")
                .contains("&lt;script&gt;", "x&quot; onmouseover=&quot;alert(1)", "&lt;/text&gt;&lt;/svg&gt;",
                        "&lt;iframe src=javascript:alert(4)&gt;", "&quot;quoted&quot; &amp; &#39;apostrophe&#39;",
                        "&lt;b&gt;embedding&lt;/b&gt;", "&lt;u&gt;pooling&lt;/u&gt;", "&lt;s&gt;0-&lt;/s&gt;",
                        "&lt;time&gt;not a date", "note with &lt;object data=x&gt;",
                        "&lt;script&gt;alert(3)&lt;/script&gt;", "Estimated &lt;i&gt;belebele&lt;/i&gt;");
    }

    @Test
    void scriptIsTheStaticResourceAndEmbedsNoReportData() {
        String html = HtmlReport.render(hostile());
        assertThat(count(html, "<script")).isEqualTo(1);
        String script = html.substring(html.indexOf("<script>\n") + "<script>\n".length(),
                html.indexOf("</script>"));
        assertThat(script).isEqualTo(ClasspathText.read("mexa-report.js"));
    }

    @Test
    void pageIsSelfContained() {
        String html = HtmlReport.render(SampleReports.synthetic(codes(30), 13));
        assertThat(html).doesNotContain("http://", "https://", "<link", " src=", "@import", "url(http");
        assertThat(html).contains("<style>", "<svg id=\"score-chart\"", "<svg id=\"layer-heatmap\"",
                "<table id=\"results\"");
    }

    @Test
    void chartHasOneBarPerLanguageBestFirstWithThresholdMarks() {
        MexaReport report = SampleReports.synthetic(codes(30), 13);
        String html = HtmlReport.render(report);
        assertThat(count(html, "<g class=\"bar ")).isEqualTo(30);
        assertThat(count(html, "<g class=\"bar fail\"")).isEqualTo(report.failures().size()).isEqualTo(14);
        assertThat(count(html, "<g class=\"bar pivot\"")).isEqualTo(1);
        assertThat(count(html, "<line class=\"threshold\"")).isEqualTo(29 + 1); // and one in the key
        // threshold 0.5 sits half-way along the 480-pixel plot that starts at x=250
        assertThat(html).contains("<line class=\"threshold\" x1=\"490\" x2=\"490\"");
        List<String> barOrder = attributeValues(html, "<g class=\"bar [a-z]+\" data-language=\"([^\"]+)\"");
        assertThat(barOrder.get(0)).isEqualTo("lang01_Latn");
        assertThat(barOrder.get(barOrder.size() - 1)).isEqualTo("lang00_Latn");
        assertThat(html).contains(">0.933 FAIL</text>").contains("threshold 0.50, FAIL</title>");
    }

    @Test
    void heatmapHasOneCellPerLanguageAndLayerWithTooltipsAndLegend() {
        String html = HtmlReport.render(SampleReports.synthetic(codes(30), 13));
        assertThat(count(heatmap(html), "<rect ")).isEqualTo(30 * 13);
        assertThat(count(html, "<g class=\"row\"")).isEqualTo(30);
        assertThat(html).contains("<title>lang01_Latn layer 12: ");
        assertThat(count(html, "<svg class=\"legend\"")).isEqualTo(1);
        IntStream.range(0, LayerHeatmap.BINS).forEach(bin -> assertThat(html).contains("<rect class=\"h" + bin + "\""));
    }

    @Test
    void tableRowsCarrySortValuesForEveryColumn() {
        MexaReport report = SampleReports.synthetic(codes(30), 13);
        String html = HtmlReport.render(report);
        String body = html.substring(html.indexOf("<tbody>"), html.indexOf("</tbody>"));
        assertThat(count(body, "<tr class=")).isEqualTo(30);
        assertThat(count(body, "data-value=")).isEqualTo(30 * 10);
        assertThat(html).contains("<th scope=\"col\" data-type=\"text\" aria-sort=\"ascending\"><button type=\"button\">"
                + "Language</button></th>");
        assertThat(count(html, "<th scope=\"col\" data-type=\"number\"")).isEqualTo(7);
        LanguageResult second = report.result("lang02_Latn");
        assertThat(body).contains("<td class=\"num\" data-value=\"" + second.score() + "\"",
                "<td data-value=\"0\" title=\"Rule violated for language lang02_Latn\"><span class=\"badge\">FAIL</span></td>",
                "<td class=\"num\" data-value=\"0.5\">0.50</td>");
    }

    @Test
    void tableShowsBothPoolingsWhichOneTheGateUsesAndTheAverages() {
        MexaReport scored = ReportFixture.report().pooling("max").layers(2).score("deu_Latn", 0.6, 0.4, 0.6)
                .score("swh_Latn", 0.3, 0.1, 0.3).build();
        MexaReport report = QualityGate.check(scored, GateRules.builder().thresholds(Map.of("deu_Latn", 0.5))
                .build()).report();
        String html = HtmlReport.render(report);
        String deu = html.substring(html.indexOf("<tr class=\"pass\" data-language=\"deu_Latn\">"));

        assertThat(html).contains("<caption>MEXA results per language. Score is the max-pooled score, the one the"
                + " gate uses.</caption>", "<button type=\"button\">Mean-pooled</button>",
                "<button type=\"button\">Max-pooled</button>");
        assertThat(deu).startsWith("<tr class=\"pass\" data-language=\"deu_Latn\"><th scope=\"row\""
                + " data-value=\"deu_Latn\"><code>deu_Latn</code></th><td data-value=\"German\">German</td>"
                + "<td data-value=\"Latin\">Latin</td><td class=\"num\" data-value=\"0.6\"");
        assertThat(deu).contains(">0.600</td><td class=\"num\" data-value=\"0.5\">0.500</td><td class=\"num\""
                + " data-value=\"0.6\">0.600</td>");
        String foot = html.substring(html.indexOf("<tfoot>"), html.indexOf("</tfoot>"));
        // score and max-pooled alike: the gate's pooling is max here
        assertThat(foot).contains("Average over 2 languages (pivot excluded)</th><td class=\"num\""
                + " data-value=\"0.44999999999999996\">0.450</td><td class=\"num\" data-value=\"0.35\">0.350</td>"
                + "<td class=\"num\" data-value=\"0.44999999999999996\">0.450</td>",
                "Average over the 1 gated</th><td class=\"num\" data-value=\"0.6\">0.600</td>");
    }

    @Test
    void estimatedTaskScoresGetOneColumnEach() {
        MexaReport report = SampleReports.synthetic(codes(3), 2);
        Map<String, LanguageResult> withEstimates = new LinkedHashMap<>();
        report.languages().forEach((code, result) -> withEstimates.put(code,
                result.withEstimatedScores(Map.of("belebele", result.score() * 0.89, "xnli", 0.5))));
        String html = HtmlReport.render(report.with(withEstimates, List.of()));
        assertThat(html).contains("Estimated belebele", "Estimated xnli", "data-value=\"0.89\">0.890</td>");
        assertThat(count(html, "<th scope=\"col\" data-type=\"number\"")).isEqualTo(9);
    }

    @Test
    void headerNamesTheRunAndItsOutcome() {
        String html = HtmlReport.render(SampleReports.synthetic(codes(30), 13));
        assertThat(html).contains("MEXA checks have not been met (14 of 29 languages)", "<code>/models/tiny</code>",
                "<code>/corpora/flores200/devtest</code>", "lang00_Latn (lang00_Latn)", "mean over all layers",
                "<time datetime=\"2026-11-24T18:00:00Z\">2026-11-24 18:00:00 UTC</time>", "1 min 23 s",
                "<summary>Violations (14)</summary>");
    }

    @Test
    void staysCompactAtTwoHundredLanguagesAndThirtyThreeLayers() {
        String html = HtmlReport.render(SampleReports.synthetic(codes(200), 33));
        assertThat(count(heatmap(html), "<rect ")).isEqualTo(200 * 33);
        // about 0.9 MB of them the heatmap's 6600 cells, 0.1 MB the comparison with the baseline
        assertThat(html.getBytes(StandardCharsets.UTF_8).length).isLessThan(1_100_000);
    }

    @Test
    void formatsDurationsForPeople() {
        assertThat(ReportHeader.duration(850)).isEqualTo("850 ms");
        assertThat(ReportHeader.duration(12_340)).isEqualTo("12.3 s");
        assertThat(ReportHeader.duration(245_000)).isEqualTo("4 min 05 s");
        assertThat(ReportHeader.duration(3_720_000)).isEqualTo("1 h 02 min");
    }

    static List<String> codes(int count) {
        return IntStream.range(0, count).mapToObj(index -> String.format("lang%02d_Latn", index)).toList();
    }

    private static String heatmap(String html) {
        int start = html.indexOf("<svg id=\"layer-heatmap\"");
        return html.substring(start, html.indexOf("</svg>", start));
    }

    private static Set<String> elementNames(String html) {
        Set<String> names = new TreeSet<>();
        Matcher matcher = Pattern.compile("<([a-zA-Z][a-zA-Z0-9]*)").matcher(html);
        while (matcher.find()) {
            names.add(matcher.group(1).toLowerCase(java.util.Locale.ROOT));
        }
        return names;
    }

    static List<String> attributeValues(String html, String regex) {
        Matcher matcher = Pattern.compile(regex).matcher(html);
        List<String> values = new java.util.ArrayList<>();
        while (matcher.find()) {
            values.add(matcher.group(1));
        }
        return values;
    }

    private static int count(String text, String needle) {
        int count = 0;
        for (int at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + needle.length())) {
            count++;
        }
        return count;
    }
}
