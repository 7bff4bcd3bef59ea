package io.vixlab.report.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vixlab.contracts.EventJson;
import io.vixlab.contracts.Topics;
import io.vixlab.contracts.training.TrialResult;
import io.vixlab.contracts.training.TrialState;
import io.vixlab.report.fixture.StudyFixture;
import io.vixlab.testing.KafkaTestResource;
import jakarta.inject.Inject;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.interactions.WheelInput;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The pages in a real headless Chromium with the fixture study. The report page: every chart is
 * drawn, nothing reaches the console, a point's tooltip shows on hover, the predictions zoom, the trial
 * table sorts; the standalone export draws the same charts from a file with the network off. The live
 * study list: each running study's progress and the runs training now, and a trial result published on
 * the broker reaches the open page, pushed by the server, within a second. Screenshots are kept under
 * {@code target/browser/}.
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
class PagesBrowserTest {

    static final Path SCREENSHOTS = Path.of("target", "browser");
    private static final Duration WAIT = Duration.ofSeconds(30);
    /** Per chart: its kind, architecture, whether ECharts owns it, painted pixels and data points. */
    private static final String CHARTS = """
            return [...document.querySelectorAll('[data-chart]')].map(el => {
              const chart = echarts.getInstanceByDom(el);
              const canvas = el.querySelector('canvas');
              let painted = 0;
              if (canvas) {
                const pixels = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
                for (let i = 3; i < pixels.length; i += 4) { if (pixels[i] > 0) painted++; }
              }
              const points = chart ? chart.getOption().series.reduce((n, s) => n + (s.data || []).length, 0) : 0;
              return {kind: el.dataset.chart, architecture: el.dataset.architecture || '', instance: !!chart,
                painted: painted, points: points};
            });""";

    /** The acceptance bound from a result's publication to the live page showing it. */
    private static final Duration LIVE_BOUND = Duration.ofSeconds(1);
    /** Room for the consumers' first partition assignment, which the warm-up result waits out. */
    private static final Duration WARM_UP = Duration.ofSeconds(60);

    private static Browser browser;

    @TestHTTPResource("/")
    URL root;

    @Inject
    FixtureStudies fixtures;

    @BeforeAll
    static void startBrowser() {
        browser = Browser.start();
    }

    @AfterAll
    static void stopBrowser() throws Exception {
        browser.close();
    }

    @Test
    void reportPageDrawsEveryChartWithTooltipsZoomAndASortableTrialTable() throws Exception {
        String studyId = fixtures.study(true);
        browser.console();
        browser.driver.get(root + "studies/" + studyId);

        assertEveryChartDrawn();
        assertThat(browser.driver.getPageSource()).contains("Basic_CNN_LSTM more accurate").contains("HAR")
                .contains("Model health warning:").contains("<h2>Verdict</h2>");

        hoverShowsTooltip();
        zoomNarrowsThePredictions();
        trialTableSorts();
        browser.screenshot(SCREENSHOTS.resolve("report.png"));
        assertThat(browser.console()).isEmpty();
    }

    @Test
    void standaloneExportDrawsEveryChartFromAFileWithTheNetworkOff() throws Exception {
        String studyId = fixtures.study(true);
        String html = given().get("/studies/{id}/export.html", studyId).then().statusCode(200).extract().asString();
        Path file = SCREENSHOTS.resolve("export.html").toAbsolutePath();
        Files.createDirectories(file.getParent());
        Files.writeString(file, html, StandardCharsets.UTF_8);
        browser.console();

        browser.offline();
        try {
            browser.driver.get(file.toUri().toString());
            assertEveryChartDrawn();
            hoverShowsTooltip();
            browser.screenshot(SCREENSHOTS.resolve("export.png"));
        } finally {
            browser.driver.deleteNetworkConditions();
        }
        assertThat(browser.console()).isEmpty();
    }

    /**
     * Every chart has its ECharts instance and paint on its canvas; the study-wide charts and every
     * chart of the architecture with complete trials, parameters and a final have data points.
     */
    @SuppressWarnings("unchecked")
    private static void assertEveryChartDrawn() {
        List<Map<String, Object>> charts = new WebDriverWait(browser.driver, WAIT).until(driver -> {
            List<Map<String, Object>> found = (List<Map<String, Object>>) browser.script(CHARTS);
            return found.stream().allMatch(c -> (Boolean) c.get("instance") && ((Number) c.get("painted")).longValue() > 500)
                    ? found : null;
        });
        // 4 metrics, predictions, residuals, scatter, EDF, and 7 per architecture
        assertThat(charts).hasSize(8 + 7 * FixtureStudies.ARCHITECTURES.size());
        assertThat(charts).filteredOn(c -> c.get("architecture").equals("") || c.get("architecture").equals("Basic_CNN_LSTM"))
                .allSatisfy(c -> assertThat(((Number) c.get("points")).intValue()).as(c.get("kind").toString())
                        .isPositive());
    }

    /** The best trial of Basic_CNN_LSTM (number 3, value 0.3) in its optimization history. */
    private static void hoverShowsTooltip() {
        WebElement history = browser.driver.findElement(
                By.cssSelector("[data-chart='history'][data-architecture='Basic_CNN_LSTM']"));
        browser.script("arguments[0].scrollIntoView({block: 'center'});", history);
        List<?> pixel = (List<?>) browser.script(
                "return echarts.getInstanceByDom(arguments[0]).convertToPixel({seriesIndex: 0}, [3, 0.3]);", history);
        int x = (int) Math.round(((Number) pixel.get(0)).doubleValue() - history.getSize().getWidth() / 2.0);
        int y = (int) Math.round(((Number) pixel.get(1)).doubleValue() - history.getSize().getHeight() / 2.0);
        new Actions(browser.driver).moveToElement(history, x, y).perform();
        WebElement tooltip = new WebDriverWait(browser.driver, WAIT).until(driver -> history
                .findElements(By.cssSelector(".vixlab-tooltip")).stream().filter(WebElement::isDisplayed).findFirst()
                .orElse(null));
        assertThat(tooltip.getText()).contains("complete trial").contains("0.3");
    }

    private static void zoomNarrowsThePredictions() {
        WebElement predictions = browser.driver.findElement(By.cssSelector("[data-chart='predictions']"));
        String extent = "return echarts.getInstanceByDom(arguments[0]).getModel().getComponent('xAxis', 0).axis.scale"
                + ".getExtent();";
        List<?> before = (List<?>) browser.script(extent, predictions);
        new Actions(browser.driver).scrollFromOrigin(WheelInput.ScrollOrigin.fromElement(predictions), 0, -600).perform();
        List<?> after = new WebDriverWait(browser.driver, WAIT).until(driver -> {
            List<?> now = (List<?>) browser.script(extent, predictions);
            return span(now) < span(before) ? now : null;
        });
        assertThat(span(after)).isLessThan(span(before));
        assertThat(((Number) after.get(0)).doubleValue()).isGreaterThanOrEqualTo(((Number) before.get(0)).doubleValue());
    }

    private static double span(List<?> extent) {
        return ((Number) extent.get(1)).doubleValue() - ((Number) extent.get(0)).doubleValue();
    }

    /** A click on "value" sorts the trials by value, a second click the other way; trials without one go last. */
    private static void trialTableSorts() {
        WebElement valueHeader = browser.driver.findElement(By.xpath("//table[@id='trials']//th[text()='value']"));
        new Actions(browser.driver).scrollToElement(valueHeader).click(valueHeader).perform();
        assertThat(values()).isSorted().hasSizeGreaterThan(3);
        assertThat(valueHeader.getAttribute("aria-sort")).isEqualTo("ascending");
        valueHeader.click();
        assertThat(values()).isSortedAccordingTo(java.util.Comparator.reverseOrder());
    }

    @SuppressWarnings("unchecked")
    private static List<Double> values() {
        return ((List<Object>) browser.script("return [...document.querySelectorAll('#trials tbody tr')]"
                + ".map(row => row.cells[3]).filter(cell => cell.dataset.sort !== undefined)"
                + ".map(cell => Number(cell.dataset.sort));")).stream().map(v -> ((Number) v).doubleValue()).toList();
    }

    @Test
    void trialResultOnTheBrokerReachesTheOpenPageWithinASecond() throws Exception {
        String studyId = fixtures.study(false);
        browser.console();
        browser.driver.get(root.toString());
        new WebDriverWait(browser.driver, WARM_UP).until(driver -> driver.findElement(By.id("live-status")).getText()
                .contains("connected"));
        // The running fixture study: Basic has 5 trials done, a trial of Deep trains now.
        assertThat(trialsDone(studyId, "Basic_CNN_LSTM")).isEqualTo("5 of 5");
        assertThat(browser.script("return document.querySelector(arguments[0]).textContent;",
                "tr[data-study='" + studyId + "'] tr.run-live")).asString().contains("Deep_CNN_LSTM").contains("0.8");

        try (KafkaProducer<String, String> producer = producer()) {
            // Warm-up: the first result after start-up waits for the consumer's partition assignment.
            publish(producer, result(studyId, "Deep_CNN_LSTM", "live-warm-up", 7));
            new WebDriverWait(browser.driver, WARM_UP).until(driver -> trialsDone(studyId, "Deep_CNN_LSTM").equals("3 of 5"));

            long published = System.nanoTime();
            publish(producer, result(studyId, "Basic_CNN_LSTM", "live-measured", 8));
            new WebDriverWait(browser.driver, LIVE_BOUND, Duration.ofMillis(10))
                    .until(driver -> trialsDone(studyId, "Basic_CNN_LSTM").equals("6 of 5"));
            Duration latency = Duration.ofNanos(System.nanoTime() - published);
            System.out.printf("live page: trial result to page in %d ms%n", latency.toMillis());
            assertThat(latency).isLessThanOrEqualTo(LIVE_BOUND);
        }
        browser.screenshot(SCREENSHOTS.resolve("studies.png"));
        assertThat(browser.console()).isEmpty();
    }

    /** Read in one script: the list is replaced whole by each event, so an element found earlier may be gone. */
    private static String trialsDone(String studyId, String architecture) {
        return String.valueOf(browser.script("const cell = document.querySelector(arguments[0]);"
                + " return cell === null ? null : cell.textContent;",
                "tr[data-study='" + studyId + "'] tr[data-architecture='" + architecture + "'] .trials-done"));
    }

    private static TrialResult result(String studyId, String architecture, String trialId, int number) {
        return StudyFixture.trial(studyId, architecture, trialId, number, 1, TrialState.COMPLETE, 0.45, 20);
    }

    private static void publish(KafkaProducer<String, String> producer, TrialResult result) throws Exception {
        producer.send(new ProducerRecord<>(Topics.TRAINING_RESULTS, result.trialId(), EventJson.write(result))).get();
    }

    private static KafkaProducer<String, String> producer() {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaTestResource.bootstrapServers(),
                ProducerConfig.LINGER_MS_CONFIG, 0), new StringSerializer(), new StringSerializer());
    }
}
