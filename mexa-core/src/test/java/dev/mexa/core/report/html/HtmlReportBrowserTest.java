package dev.mexa.core.report.html;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.mexa.core.report.MexaReport;
import dev.mexa.core.report.ReportWriter;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;

/**
 * Opens the HTML report of a 30-language run, and of a fine-tune against its baseline, in headless Chromium from the Debian packages {@code chromium} and
 * {@code chromium-driver} (installed by {@code .ci/install-chromium}); skipped when they are absent. Selenium is
 * given both paths, so Selenium Manager never runs and nothing is downloaded.
 */
class HtmlReportBrowserTest {

    private static final File CHROMIUM = new File(System.getProperty("mexa.chromium", "/usr/bin/chromium"));
    private static final File CHROMEDRIVER = new File(
            System.getProperty("mexa.chromedriver", "/usr/bin/chromedriver"));
    private static final Path TARGET = Path.of(System.getProperty("basedir", "."), "target");

    private static ChromeDriver browser;

    @TempDir
    static Path dir;

    @BeforeAll
    static void startBrowser() {
        if (!CHROMIUM.canExecute() || !CHROMEDRIVER.canExecute()) {
            return;
        }
        System.setProperty(ChromeDriverService.CHROME_DRIVER_EXE_PROPERTY, CHROMEDRIVER.getPath());
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM)
                .addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                        "--hide-scrollbars", "--window-size=1200,2000");
        options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER)
                .usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
    }

    @BeforeEach
    void requireBrowser() {
        assumeTrue(browser != null, "Headless browser test skipped: " + CHROMIUM + " or " + CHROMEDRIVER
                + " is missing; run .ci/install-chromium (apt-get install chromium chromium-driver) or set"
                + " -Dmexa.chromium and -Dmexa.chromedriver.");
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void rendersSortsAndFiltersAThirtyLanguageReport() throws IOException {
        MexaReport report = SampleReports.thirtyLanguages(Files.createDirectories(dir.resolve("embeddings")));
        ReportWriter.write(report, dir.resolve("thirty"));
        browser.get(dir.resolve("thirty").resolve(HtmlReport.FILE_NAME).toUri().toString());

        assertThat(browser.findElements(By.cssSelector("#score-chart g.bar"))).hasSize(30);
        assertThat(browser.findElements(By.cssSelector("#score-chart g.bar.fail")))
                .hasSize(report.failures().size());
        assertThat(browser.findElements(By.cssSelector("#score-chart line.threshold"))).hasSize(29);
        assertThat(browser.findElements(By.cssSelector("#layer-heatmap g.row rect")))
                .hasSize(30 * SampleReports.LAYERS);
        WebElement bestBar = browser.findElement(By.cssSelector("#score-chart g.bar rect.score"));
        assertThat(bestBar.getRect().getWidth()).isGreaterThan(100);
        Files.write(Files.createDirectories(TARGET).resolve("mexa-report-browser.png"),
                browser.getScreenshotAs(OutputType.BYTES));

        sortByScoreTwice();
        filterKeepsMatchingRows();
        assertThat(severeConsoleEntries()).isEmpty();
    }

    private static void sortByScoreTwice() {
        WebElement scoreHeader = browser.findElement(By.xpath("//table[@id='results']//th[button='Score']"));
        scoreHeader.findElement(By.tagName("button")).click();
        assertThat(scoreHeader.getDomAttribute("aria-sort")).isEqualTo("ascending");
        assertThat(tableScores()).hasSize(30).isSorted();
        scoreHeader.findElement(By.tagName("button")).click();
        assertThat(scoreHeader.getDomAttribute("aria-sort")).isEqualTo("descending");
        assertThat(tableScores()).hasSize(30).isSortedAccordingTo(Comparator.reverseOrder());
        assertThat(tableLanguages().get(0)).isEqualTo("eng_Latn");
    }

    private static void filterKeepsMatchingRows() {
        browser.findElement(By.id("filter")).sendKeys("cyrillic");
        assertThat(browser.findElements(By.cssSelector("#results tbody tr:not([hidden])")))
                .extracting(row -> row.getDomAttribute("data-language")).containsExactlyInAnyOrder("rus_Cyrl",
                        "ukr_Cyrl");
        assertThat(browser.findElement(By.id("filter-count")).getText()).isEqualTo("2 of 30 languages");
    }

    @Test
    void showsAFineTuneAgainstItsBaseSortedByDeltaWithRegressionsMarked() throws IOException {
        MexaReport report = ComparisonChartTest.fineTune();
        ReportWriter.write(report, dir.resolve("fine-tune"));
        browser.get(dir.resolve("fine-tune").resolve(HtmlReport.FILE_NAME).toUri().toString());

        List<WebElement> rows = browser.findElements(By.cssSelector("#comparison-chart g.change"));
        assertThat(rows).extracting(row -> row.getDomAttribute("data-language"))
                .containsExactly("hin_Deva", "deu_Latn", "fra_Latn", "ita_Latn", "spa_Latn");
        assertThat(rows).extracting(row -> Double.valueOf(row.getDomAttribute("data-delta"))).isSorted();
        assertThat(browser.findElements(By.cssSelector("#comparison-chart g.change.regression")))
                .extracting(row -> row.findElement(By.cssSelector("text.value")).getText())
                .containsExactly("−0.150 REGRESSION", "−0.100 REGRESSION");
        assertThat(browser.findElements(By.cssSelector("#comparison-chart g.change.drop text.value")))
                .extracting(WebElement::getText).containsExactly("−0.020 drop");
        WebElement deu = browser.findElement(By.cssSelector("#comparison-chart g[data-language='deu_Latn']"));
        double baselineWidth = deu.findElement(By.cssSelector("rect.baseline-bar")).getRect().getWidth();
        double currentWidth = deu.findElement(By.cssSelector("rect.current")).getRect().getWidth();
        assertThat(currentWidth / baselineWidth).isCloseTo(0.70 / 0.80, org.assertj.core.data.Offset.offset(0.01));
        assertThat(deu.findElement(By.cssSelector("rect.current")).getCssValue("fill"))
                .contains("hatch-regression");
        WebElement comparison = browser.findElement(By.id("comparison"));
        assertThat(comparison.getText()).contains("2 of 5 compared languages regressed beyond maxDrop");
        Files.write(Files.createDirectories(TARGET).resolve("mexa-report-baseline-browser.png"),
                comparison.getScreenshotAs(OutputType.BYTES));
        assertThat(severeConsoleEntries()).isEmpty();
    }

    @Test
    void hostileLanguageCodesStayText() {
        MexaReport report = SampleReports.synthetic(List.of("eng_Latn", "<script>", "<img src=x onerror=alert(1)>",
                "x\" onmouseover=\"alert(2)"), 4);
        ReportWriter.write(report, dir.resolve("hostile"));
        browser.get(dir.resolve("hostile").resolve(HtmlReport.FILE_NAME).toUri().toString());
        assertThat(browser.findElements(By.cssSelector("img, iframe, [onmouseover], [onerror]"))).isEmpty();
        assertThat(browser.findElements(By.tagName("script"))).hasSize(1);
        assertThat(browser.findElements(By.cssSelector("#results tbody tr"))
                .stream().map(row -> row.getDomAttribute("data-language")))
                .contains("<script>", "<img src=x onerror=alert(1)>", "x\" onmouseover=\"alert(2)");
        assertThat(severeConsoleEntries()).isEmpty();
    }

    private static List<String> tableLanguages() {
        return browser.findElements(By.cssSelector("#results tbody tr")).stream()
                .map(row -> row.getDomAttribute("data-language")).toList();
    }

    private static List<Double> tableScores() {
        return browser.findElements(By.cssSelector("#results tbody tr td:nth-of-type(3)")).stream()
                .map(cell -> Double.valueOf(cell.getDomAttribute("data-value"))).toList();
    }

    private static List<String> severeConsoleEntries() {
        return browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue()).map(LogEntry::toString)
                .toList();
    }
}
