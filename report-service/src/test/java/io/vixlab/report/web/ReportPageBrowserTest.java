package io.vixlab.report.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vixlab.testing.KafkaTestResource;
import jakarta.inject.Inject;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The pages in a real headless Chromium with the fixture study: the charts are drawn, nothing
 * reached the console, and screenshots are kept under {@code target/browser/}.
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
class ReportPageBrowserTest {

    private static final Path SCREENSHOTS = Path.of("target", "browser");

    @TestHTTPResource("/")
    URL root;

    @Inject
    FixtureStudies fixtures;

    @Test
    void reportPageDrawsEveryChartWithoutConsoleMessages() throws Exception {
        String studyId = fixtures.study(true);
        String url = root + "studies/" + studyId;

        HeadlessChromium.Page page = HeadlessChromium.dumpDom(url);

        assertThat(page.consoleMessages()).isEmpty();
        assertChartsDrawn(page.dom());
        assertThat(page.dom()).contains("Basic_CNN_LSTM more accurate").contains("Random walk").contains("HAR")
                .contains("Model health warning:").contains("<h2>Verdict</h2>").contains("Equal-weight combination")
                .contains("<table class=\"mcs\">");
        Files.createDirectories(SCREENSHOTS);
        HeadlessChromium.screenshot(url, SCREENSHOTS.resolve("report.png"));
    }

    @Test
    void standaloneExportRendersOfflineFromAFile() throws Exception {
        String studyId = fixtures.study(true);
        String html = given().get("/studies/{id}/export.html", studyId).then().statusCode(200).extract().asString();
        Files.createDirectories(SCREENSHOTS);
        Path file = SCREENSHOTS.resolve("export.html");
        Files.writeString(file, html, StandardCharsets.UTF_8);

        HeadlessChromium.Page page = HeadlessChromium.dumpDom(file.toAbsolutePath().toUri().toString());

        assertThat(page.consoleMessages()).isEmpty();
        assertChartsDrawn(page.dom());
        HeadlessChromium.screenshot(file.toAbsolutePath().toUri().toString(), SCREENSHOTS.resolve("export.png"));
    }

    @Test
    void studyListShowsLiveProgress() throws Exception {
        String running = fixtures.study(false);

        HeadlessChromium.Page page = HeadlessChromium.dumpDom(root.toString());

        assertThat(page.consoleMessages()).isEmpty();
        assertThat(page.dom()).contains("data-study=\"" + running + "\"").contains("<progress")
                .contains("http-equiv=\"refresh\"");
        Files.createDirectories(SCREENSHOTS);
        HeadlessChromium.screenshot(root.toString(), SCREENSHOTS.resolve("studies.png"));
    }

    /**
     * Four metric bar charts with a bar per architecture with a final model, the predictions, and
     * an optimization history and intermediate values per architecture, each with drawn marks.
     */
    private static void assertChartsDrawn(String dom) {
        assertThat(count(dom, "<figure class=\"chart\" data-chart=\"metric-")).isEqualTo(4);
        assertThat(count(dom, "<rect class=\"bar\"")).isEqualTo(4 * 3);
        assertThat(count(dom, "data-chart=\"predictions\"")).isEqualTo(1);
        assertThat(count(dom, "data-chart=\"history\"")).isEqualTo(FixtureStudies.ARCHITECTURES.size());
        assertThat(count(dom, "data-chart=\"intermediate\"")).isEqualTo(FixtureStudies.ARCHITECTURES.size());
        assertThat(count(dom, "<svg")).isEqualTo(4 + 1 + 2 * FixtureStudies.ARCHITECTURES.size());
        // The actual series and three forecasts; best-so-far and intermediate-value lines.
        assertThat(count(dom, "<polyline")).isGreaterThanOrEqualTo(4 + 3 + 3);
        assertThat(count(dom, "<circle class=\"point\"")).isGreaterThanOrEqualTo(6);
        assertThat(Pattern.compile("points=\"[0-9.]+,[0-9.]+ [0-9.]+,[0-9.]+").matcher(dom).find()).isTrue();
    }

    private static int count(String text, String part) {
        Matcher matcher = Pattern.compile(Pattern.quote(part)).matcher(text);
        int n = 0;
        while (matcher.find()) {
            n++;
        }
        return n;
    }
}
