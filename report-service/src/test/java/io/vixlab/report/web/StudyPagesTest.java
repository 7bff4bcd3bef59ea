package io.vixlab.report.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vixlab.testing.KafkaTestResource;
import jakarta.inject.Inject;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** What the pages are made of, without a browser. */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
class StudyPagesTest {

    @Inject
    FixtureStudies fixtures;

    @Test
    void exportIsOneFileThatFetchesNothing() {
        String studyId = fixtures.study(true);

        var response = given().get("/studies/{id}/export.html", studyId).then().statusCode(200).extract();

        assertThat(response.header("Content-Disposition")).isEqualTo("attachment; filename=\"study-" + studyId + ".html\"");
        String html = response.asString();
        assertThat(html).doesNotContain("<script").doesNotContain("<link").doesNotContain(" src=")
                .doesNotContain("href=\"/").doesNotContain("http-equiv=\"refresh\"");
        // The only URL is the SVG namespace, which names rather than fetches.
        assertThat(Pattern.compile("https?://[^\"]*").matcher(html).results().map(r -> r.group()).distinct())
                .containsExactly("http://www.w3.org/2000/svg");
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

        assertThat(html).contains("No architecture has a complete final model yet").contains("<svg");
    }

    @Test
    void unknownStudyAnswersABrowserAnHtml404WithTheReason() {
        String html = given().accept("text/html,application/xhtml+xml,*/*;q=0.8").get("/studies/{id}", "<no-such-study>").then().statusCode(404)
                .contentType("text/html").extract().asString();

        assertThat(html).contains("study &lt;no-such-study&gt; is unknown").doesNotContain("<no-such-study>");
    }
}
