package io.vixlab.report.comparison;

import static org.assertj.core.api.Assertions.assertThat;

import io.vixlab.contracts.EventJson;
import io.vixlab.contracts.report.StudyReport;
import io.vixlab.report.fixture.FullStudy;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import org.junit.jupiter.api.Test;

/**
 * A full study's report fits one Kafka message at the broker's and producers' default limits
 * ({@code message.max.bytes} 1,048,588, {@code max.request.size} 1,048,576), with room to spare, so
 * that a consumer on a stock cluster receives it whole: per-day forecasts travel in columns.
 */
class ReportMessageSizeTest {

    /** Kafka's default largest request, less room for the key, headers and record overhead. */
    static final int KAFKA_DEFAULT_LIMIT = 1_000_000;

    @Test
    void fullStudysReportIsWellUnderKafkasDefaultMessageSize() {
        FullStudy study = new FullStudy();

        StudyReport report = new StudyReportBuilder(Clock.systemUTC()).build(study.results(), study.closes());
        int bytes = EventJson.write(report).getBytes(StandardCharsets.UTF_8).length;

        assertThat(report.architectures()).hasSize(5).allSatisfy(a -> {
            assertThat(a.trials()).hasSize(50);
            assertThat(a.finalHistory()).hasSize(100);
        });
        assertThat(report.forecasts().series()).hasSize(5 + 1 + 4)
                .allSatisfy(series -> assertThat(series.predicted()).hasSize(FullStudy.TEST_DAYS));
        // Measured 2026-11-30: 344,058 bytes (forecasts 239,300); half the default limit keeps room to grow.
        assertThat(bytes).as("bytes of the full study's report").isLessThan(KAFKA_DEFAULT_LIMIT / 2);
    }
}
