package io.vixlab.ingest.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.scheduler.Scheduler;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vixlab.ingest.validate.PlausibilityRule;
import io.vixlab.testing.KafkaTestResource;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The settings the service starts with outside production: the snapshot, the documented rules, no schedule. */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
class IngestConfigTest {

    @Inject
    IngestConfig config;

    @Inject
    Scheduler scheduler;

    @Test
    void localRunsReadTheSnapshotWithTheDocumentedRules() {
        assertThat(config.source()).isEqualTo(SourceKind.SNAPSHOT);
        assertThat(config.openCheckedFrom()).isEqualTo(LocalDate.of(2007, 1, 1));
        assertThat(config.plausibility().neighbours()).isEqualTo(5);
        assertThat(config.plausibility().maxLogDistance()).isEqualTo(0.7);
        assertThat(config.plausibility().action()).isEqualTo(PlausibilityRule.Action.EXCLUDE);
        assertThat(config.cboe().urls()).containsEntry("VIX",
                URI.create("https://cdn.cboe.com/api/global/us_indices/daily_prices/VIX_History.csv"));
        assertThat(config.cboe().timeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(config.cboe().maxAttempts()).isEqualTo(3);
    }

    @Test
    void theDailyRefreshIsOffOutsideProduction() {
        assertThat(config.schedule().cron()).isEqualTo("off");
        assertThat(scheduler.getScheduledJob("daily-refresh")).isNull();
    }
}
