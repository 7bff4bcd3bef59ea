package io.vixlab.report.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vixlab.testing.KafkaTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.stream.Stream;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** What the pages are made of, without a browser. */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
class StudyPagesTest {

    @Inject
    FixtureStudies fixtures;

    @TestHTTPResource("/")
    URI root;

    @Test
    void exportIsOneFileThatFetchesNothing() {
        String studyId = fixtures.study(true);

        var response = given().get("/studies/{id}/export.html", studyId).then().statusCode(200).extract();

        assertThat(response.header("Content-Disposition"))
                .isEqualTo("attachment; filename=\"vixlab-study-" + studyId + ".html\"");
        String html = response.asString();
        // ECharts and the drawing script inline; outside the scripts, no element names anything to fetch.
        assertThat(html).contains("<script type=\"application/json\" id=\"study-data\">")
                .contains("echarts.init(").doesNotContain("<script src");
        String markup = html.replaceAll("(?s)<script>.*?</script>", "<script></script>");
        assertThat(markup).doesNotContain(" src=").doesNotContain("href=\"/").doesNotContain("http-equiv=\"refresh\"")
                .doesNotContainPattern("https?://");
        assertThat(Pattern.compile("<link[^>]*>").matcher(markup).results().map(r -> r.group()))
                .containsExactly("<link rel=\"icon\" href=\"data:,\">");
    }

    @Test
    void pageLinksTheServedEchartsAndShowsPValuesInScientificNotationAndTheTrialTable() {
        String studyId = fixtures.study(true);

        String html = given().get("/studies/{id}", studyId).then().statusCode(200).extract().asString();

        String echarts = Pattern.compile("<script src=\"(/_static/echarts/[^\"]+/dist/echarts.min.js)\">")
                .matcher(html).results().map(r -> r.group(1)).findFirst().orElseThrow();
        assertThat(given().get(echarts).then().statusCode(200).extract().asString()).contains("echarts");
        assertThat(given().get("/assets/study-charts.js").then().statusCode(200).extract().asString())
                .contains("study-data");
        // Attention vs the random walk on squared loss: p = 3.54e-04, not 0.000354…
        assertThat(html).contains("<td class=\"number\">3.54e-04</td>");
        assertThat(html).contains("<th>budget</th><td>5 trials per architecture, at most ")
                .contains("<th>trials trained with</th><td>50 epochs, batch size 32, seed 42, 3 folds</td>");
        assertThat(html).contains("<table class=\"trials sortable\" id=\"trials\">")
                .contains("<th>learning_rate</th><th>lstm_units</th><th>optimizer</th>")
                .containsPattern("<td class=\"number\" data-sort=\"7\\.9432823472428\\d*E-4\">0.0007943</td>");
        assertThat(Pattern.compile("data-chart=\"").matcher(html).results().count())
                .isEqualTo(8 + 7 * FixtureStudies.ARCHITECTURES.size());
    }

    @Test
    void liveStudiesStreamSendsTheListAtOnce() throws Exception {
        String studyId = fixtures.study(false);
        HttpClient client = HttpClient.newHttpClient();

        // The stream stays open: read its first event only, one line of HTML.
        HttpResponse<Stream<String>> response = client.send(HttpRequest.newBuilder(root.resolve("/live/studies")).build(),
                HttpResponse.BodyHandlers.ofLines());
        try (Stream<String> lines = response.body()) {
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("text/event-stream"));
            String first = lines.filter(line -> line.startsWith("data:")).findFirst().orElseThrow();
            assertThat(first).contains("data-study=\"" + studyId + "\"").contains("<progress");
        }
    }

    @Test
    void reportPageGivesTheVerdictHealthWarningCombinationAndConfidenceSets() {
        String studyId = fixtures.study(true);

        String html = given().get("/studies/{id}", studyId).then().statusCode(200).extract().asString();

        // The fixture's best model sits on its own floor on one of its five test days.
        assertThat(html).contains("<div class=\"health-warning\" role=\"alert\"><strong>Model health warning:")
                .contains("<li>Basic_CNN_LSTM — floor: 1 of 5 days within 0.1 of the floor 11.89")
                .contains("<td class=\"health-flag\" title=\"1 of 5 days within 0.1 of the floor");
        assertThat(html).contains("<h2>Verdict</h2>")
                .contains("<li>No model beats the random walk, which is also the best baseline by test MSE")
                .contains("<li>The report holds 14 Diebold-Mariano tests at the 5% level");
        assertThat(html).contains("<tr class=\"combination\"><td>—</td><td>Equal-weight combination<br><em>");
        assertThat(html).contains("<th>best baseline (test MSE)</th><td>Random walk</td>")
                .contains("<th>baselines fitted on</th><td>the dataset&#39;s training part, 2024-01-02 to 2024-02-10"
                        + " (40 days)</td>")
                .contains("<td>Random walk <strong>(best)</strong></td>");
        assertThat(html).contains("<h2>Model confidence set (Hansen, Lunde and Nason 2011)</h2>")
                .contains("T_max statistic, moving-block bootstrap with blocks of 2 days, 5000 replications, seed 2011")
                .contains("<th>MCS p-value (squared)</th>").contains("<th>MCS p-value (absolute)</th>")
                .contains("<tr><td>Attention_CNN_LSTM</td><td>architecture</td>");
    }

    @Test
    void partialReportOfARunningStudyIsMarkedAndReloads() {
        String studyId = fixtures.study(false);

        String html = given().get("/studies/{id}", studyId).then().statusCode(200).extract().asString();

        assertThat(html).contains("Partial report").contains("http-equiv=\"refresh\"").contains("CREATED");
    }

    @Test
    void studyWithoutResultsYetHasAnEmptyReportPage() {
        String studyId = fixtures.newStudy();

        String html = given().get("/studies/{id}", studyId).then().statusCode(200).extract().asString();

        assertThat(html).contains("No architecture has a complete final model yet").contains("data-chart=\"predictions\"");
    }

    @Test
    void unknownStudyAnswersABrowserAnHtml404WithTheReason() {
        String html = given().accept("text/html,application/xhtml+xml,*/*;q=0.8").get("/studies/{id}", "<no-such-study>").then().statusCode(404)
                .contentType("text/html").extract().asString();

        assertThat(html).contains("study &lt;no-such-study&gt; is unknown").doesNotContain("<no-such-study>");
    }
}
