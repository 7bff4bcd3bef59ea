package io.vixlab.report.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vixlab.contracts.market.MarketBar;
import io.vixlab.contracts.training.ModelResult;
import io.vixlab.contracts.training.Prediction;
import io.vixlab.contracts.training.TrainingProgress;
import io.vixlab.contracts.training.TrialResult;
import io.vixlab.contracts.training.TrialState;
import io.vixlab.report.baseline.BaselineInput.DailyClose;
import io.vixlab.report.fixture.StudyFixture;
import io.vixlab.report.service.ResultStore;
import io.vixlab.testing.Databases;
import io.vixlab.testing.KafkaTestResource;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Every stored event reads back as it arrived, and a redelivered one is stored once (H2 here). */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
class ResultStorePersistenceTest {

    @Inject
    ResultStore store;

    @Inject
    AgroalDataSource dataSource;

    private final String studyId = "persisted-" + UUID.randomUUID();

    @Test
    void trialResultsAreStoredOncePerTrialAndAttempt() {
        List<TrialResult> trials = StudyFixture.trials(studyId);

        List<Boolean> stored = trials.stream().map(store::record).toList();

        // The fixture delivers trial t3 twice.
        assertThat(stored).containsExactly(true, true, true, true, false, true, true, true, true, true);
        assertThat(store.trials(studyId)).containsExactlyElementsOf(trials.stream().distinct().toList());
        assertThat(Databases.productName(dataSource)).isEqualTo(expectedDatabase());
    }

    @Test
    void finalResultsKeepEveryPredictionAndAreStoredOncePerFinalAndAttempt() {
        ModelResult small = StudyFixture.finalModel(studyId, "Basic_CNN_LSTM", 1, TrialState.COMPLETE,
                StudyFixture.BASIC_ERRORS);
        // Ten years of test days: far more than a bounded text column holds.
        List<Prediction> many = IntStream.range(0, 2_600)
                .mapToObj(i -> new Prediction(LocalDate.of(2010, 1, 1).plusDays(i), 20 + i * 1e-3, 20.123456789, 19.5))
                .toList();
        ModelResult large = new ModelResult(small.schemaVersion(), studyId, small.finalId(), 2, small.architecture(),
                small.state(), small.datasetId(), small.params(), small.training(), small.metrics(), null, many,
                small.parameterCount(), small.epochsTrained(), small.trainingMillis(), small.artifactUri(), null,
                small.finishedAt());

        assertThat(store.record(small)).isTrue();
        assertThat(store.record(large)).isTrue();
        assertThat(store.record(small)).isFalse();

        assertThat(store.finals(studyId)).containsExactly(small, large);
        assertThat(store.architecturesWithFinals(studyId)).containsExactly("Basic_CNN_LSTM");
    }

    @Test
    void progressDatasetsAndClosesAreStoredOnceEach() {
        List<TrainingProgress> progress = StudyFixture.progress(studyId);
        progress.forEach(store::record);
        assertThat(progress).noneMatch(store::record);
        assertThat(store.progress(studyId)).containsExactlyElementsOf(progress);

        store.record(StudyFixture.dataset());
        assertThat(store.record(StudyFixture.dataset())).isFalse();
        assertThat(store.dataset(StudyFixture.dataset().datasetId())).contains(StudyFixture.dataset());
    }

    @Test
    void aReingestedBarCorrectsItsCloseAndAnOlderOneChangesNothing() {
        // Days after the fixture's dataset, so that they are in no report's closes.
        LocalDate day = LocalDate.of(2031, 1, 2).plusDays(new Random().nextInt(3_000));
        Instant ingested = Instant.parse("2026-11-01T00:00:00Z");

        assertThat(store.record(bar("VIX", day, 20.0, ingested))).isTrue();
        assertThat(store.record(bar("VIX", day, 20.0, ingested))).isFalse();
        assertThat(store.record(bar("VIX", day, 21.5, ingested.plusSeconds(60)))).isTrue();
        assertThat(store.record(bar("VIX", day, 19.0, ingested))).isFalse();
        assertThat(store.record(bar("VVIX", day, 90.0, ingested))).isTrue();
        assertThat(store.record(bar("SPX", day, 5000.0, ingested))).isFalse();

        assertThat(store.vixClosesOnCommonDays(day, day)).containsExactly(new DailyClose(day, 21.5));
    }

    @Test
    void closesOnCommonDaysAreTheVixClosesOfDaysWithAVvixCloseInTheRange() {
        LocalDate first = LocalDate.of(2041, 1, 2).plusDays(10 * new Random().nextInt(3_000));
        Instant ingested = Instant.parse("2026-11-01T00:00:00Z");
        for (int i = 0; i < 5; i++) {
            store.record(bar("VIX", first.plusDays(i), 20.0 + i, ingested));
        }
        // No VVIX close on day 2; VVIX alone on day 5.
        for (int i : new int[] {0, 1, 3, 4, 5}) {
            store.record(bar("VVIX", first.plusDays(i), 90.0 + i, ingested));
        }

        assertThat(store.vixClosesOnCommonDays(first.plusDays(1), first.plusDays(5))).containsExactly(
                new DailyClose(first.plusDays(1), 21.0),
                new DailyClose(first.plusDays(3), 23.0),
                new DailyClose(first.plusDays(4), 24.0));
    }

    private static MarketBar bar(String symbol, LocalDate day, double close, Instant ingestedAt) {
        return MarketBar.of(symbol, day, null, null, null, close, "snapshot", ingestedAt);
    }

    /** The database this test class expects to run on. */
    String expectedDatabase() {
        return "H2";
    }
}
