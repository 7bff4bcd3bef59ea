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
