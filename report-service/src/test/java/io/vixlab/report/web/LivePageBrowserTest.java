package io.vixlab.report.web;

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
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The live study list in a real headless Chromium: it shows each running study's progress and the
 * runs training now, and a trial result published on the broker reaches the page, pushed by the
 * server, within a second.
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
class LivePageBrowserTest {

    /** The acceptance bound from a result's publication to the page showing it. */
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
        browser.screenshot(ReportPageBrowserTest.SCREENSHOTS.resolve("studies.png"));
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
