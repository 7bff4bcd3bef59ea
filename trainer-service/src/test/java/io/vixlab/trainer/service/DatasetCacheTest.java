package io.vixlab.trainer.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.vixlab.contracts.dataset.DatasetManifest;
import io.vixlab.contracts.dataset.DatasetWindows;
import io.vixlab.contracts.dataset.WindowChunk;
import io.vixlab.contracts.dataset.WindowCodec;
import io.vixlab.trainer.fixture.TrainerTopics;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

/** Datasets from the features topics: waiting for them, naming what is missing, splitting them for training. */
class DatasetCacheTest {

    private static final DatasetWindows WINDOWS = TrainerTopics.windows();
    private static final List<WindowChunk> CHUNKS = WindowCodec.encode("ds", WINDOWS, 20_000);

    private static DatasetManifest manifest(String checksum) {
        return new DatasetManifest(DatasetManifest.SCHEMA_VERSION, "ds", List.of("a", "b", "c", "d"),
                TrainerTopics.DAYS, 1, TrainerTopics.WINDOWS, TrainerTopics.TRAIN,
                TrainerTopics.WINDOWS - TrainerTopics.TRAIN, WINDOWS.targetDates()[TrainerTopics.TRAIN],
                TrainerTopics.FIRST_DAY, WINDOWS.targetDates()[TrainerTopics.WINDOWS - 1], TrainerTopics.SCALER,
                checksum, CHUNKS.size(), Instant.now());
    }

    @Test
    void aWaitingRunGetsTheDatasetOnceItsLastPieceArrivesSplitAtTheManifestsTrainingPart() {
        DatasetCache cache = new DatasetCache(Optional::empty);
        CHUNKS.subList(1, CHUNKS.size()).forEach(cache::accept);
        cache.accept(manifest(WindowCodec.checksum(WINDOWS)));
        CompletableFuture<TrainingData> waiting = CompletableFuture.supplyAsync(() -> cache.await("ds", Duration.ofSeconds(20)));
        assertThat(cache.completeDatasets()).isEmpty();
        cache.accept(CHUNKS.get(0));

        TrainingData data = waiting.join();
        assertThat(cache.completeDatasets()).containsExactly("ds");
        assertThat(data.train().count()).isEqualTo(TrainerTopics.TRAIN);
        assertThat(data.test().count()).isEqualTo(TrainerTopics.WINDOWS - TrainerTopics.TRAIN);
        assertThat(data.train().x()[TrainerTopics.DAYS * TrainerTopics.FEATURES]).isEqualTo(WINDOWS.features()[1][0][0]);
        assertThat(data.test().y()[0]).isEqualTo(WINDOWS.targets()[TrainerTopics.TRAIN]);
        assertThat(data.testDates()).first().isEqualTo(WINDOWS.targetDates()[TrainerTopics.TRAIN]);
        assertThat(data.testPreviousCloses()[0])
                .isCloseTo(TrainerTopics.SCALER.toPoints(WINDOWS.previousCloses()[TrainerTopics.TRAIN]), within(1e-6));
        assertThat(cache.await("ds", Duration.ZERO)).isSameAs(data);
    }

    @Test
    void unknownIncompleteAndCorruptDatasetsAreRejectedWithTheReason() {
        DatasetCache cache = new DatasetCache(Optional::empty);
        assertThatThrownBy(() -> cache.await("nobody", Duration.ofMillis(50)))
                .isInstanceOf(RejectedRunException.class).hasMessageContaining("unknown dataset nobody");

        cache.accept(manifest(WindowCodec.checksum(WINDOWS)));
        cache.accept(CHUNKS.get(0));
        assertThatThrownBy(() -> cache.await("ds", Duration.ofMillis(50)))
                .isInstanceOf(RejectedRunException.class).hasMessageContaining("incomplete").hasMessageContaining("missing chunks [1");

        CHUNKS.forEach(cache::accept);
        cache.accept(manifest("0".repeat(64)));
        assertThatThrownBy(() -> cache.await("ds", Duration.ZERO))
                .isInstanceOf(RejectedRunException.class).hasMessageContaining("checksum mismatch");
    }

    @Test
    void aDatasetNobodyPublishedIsRefusedOnceTheTopicsAreReadUpToWhereTheyEndedWhenTheRunArrived() {
        TopicPartition windows = new TopicPartition("features.windows", 0);
        DatasetCache cache = new DatasetCache(() -> Optional.of(Map.of(windows, 3L)));
        CompletableFuture<TrainingData> waiting = CompletableFuture.supplyAsync(
                () -> cache.await("nobody", Duration.ofMinutes(10)));
        cache.read(windows, 2);
        assertThat(waiting).as("not read up to the end yet").isNotDone();

        cache.read(windows, 3);

        assertThatThrownBy(waiting::join).hasCauseInstanceOf(RejectedRunException.class)
                .hasMessageContaining("unknown dataset nobody: nothing of it is published");
        // A dataset still being published is waited for, read up to the end or not.
        cache.accept(manifest(WindowCodec.checksum(WINDOWS)));
        assertThatThrownBy(() -> cache.await("ds", Duration.ofMillis(50)))
                .isInstanceOf(RejectedRunException.class).hasMessageContaining("incomplete after");
    }
}
