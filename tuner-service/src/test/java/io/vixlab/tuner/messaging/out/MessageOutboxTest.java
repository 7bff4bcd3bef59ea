package io.vixlab.tuner.messaging.out;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vixlab.contracts.Event;
import io.vixlab.contracts.EventJson;
import io.vixlab.contracts.EventSchemas;
import io.vixlab.contracts.Topics;
import io.vixlab.contracts.tuning.FinalTrainingRequest;
import io.vixlab.contracts.tuning.StudyEvent;
import io.vixlab.contracts.tuning.TrainingSettings;
import io.vixlab.testing.KafkaTestResource;
import io.vixlab.testing.TopicReader;
import io.vixlab.tuner.persistence.OutboxMessageEntity;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** The outbox's sweep over the real broker: what a crash left between commit and send still goes out. */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
class MessageOutboxTest {

    @Test
    void messageLeftInTheOutboxIsSentBySweepInCreationOrderAndItsRowDeleted() {
        // As after a crash between commit and send: rows stored long ago, never sent.
        String studyId = "study-outbox-" + UUID.randomUUID().toString().substring(0, 8);
        Instant longAgo = Instant.now().minus(Duration.ofHours(1));
        StudyEvent tuned = new StudyEvent(StudyEvent.SCHEMA_VERSION, studyId, StudyEvent.Status.ARCHITECTURE_TUNED,
                List.of("Basic_CNN_LSTM"), 4, "ds-explicit", "Basic_CNN_LSTM", "best value 0.5", longAgo, null, null);
        StudyEvent completed = new StudyEvent(StudyEvent.SCHEMA_VERSION, studyId, StudyEvent.Status.COMPLETED,
                List.of("Basic_CNN_LSTM"), 4, "ds-explicit", null, null, longAgo, null, null);
        FinalTrainingRequest request = new FinalTrainingRequest(FinalTrainingRequest.SCHEMA_VERSION, studyId,
                studyId + "-Basic_CNN_LSTM-final", 1, "Basic_CNN_LSTM", Map.of("learning_rate", 0.001),
                studyId + "-Basic_CNN_LSTM-0", 0.5, "ds-explicit", TrainingSettings.finalDefaults(), longAgo);
        StudyEvent fresh = new StudyEvent(StudyEvent.SCHEMA_VERSION, studyId, StudyEvent.Status.CANCELLED,
                List.of("Basic_CNN_LSTM"), 4, "ds-explicit", null, "not due yet", Instant.now(), null, null);
        long freshId = QuarkusTransaction.requiringNew().call(() -> {
            storeInOutbox(OutboxMessageEntity.Channel.STUDY, studyId, studyId, tuned, longAgo);
            storeInOutbox(OutboxMessageEntity.Channel.FINAL, studyId, request.finalId(), request, longAgo);
            storeInOutbox(OutboxMessageEntity.Channel.STUDY, studyId, studyId, completed, longAgo);
            return storeInOutbox(OutboxMessageEntity.Channel.STUDY, studyId, studyId, fresh, Instant.now());
        });

        List<FinalTrainingRequest> finals = TopicReader.await(KafkaTestResource.bootstrapServers(),
                        Topics.TRAINING_FINALS, r -> r.key().equals(request.finalId()), 1, Duration.ofSeconds(30))
                .stream().map(r -> EventSchemas.parse(r.value(), FinalTrainingRequest.class)).toList();
        assertThat(finals).as("the leftover final request reaches training.finals").containsExactly(request);
        List<StudyEvent> events = TopicReader.await(KafkaTestResource.bootstrapServers(), Topics.TUNING_STUDIES,
                        r -> r.key().equals(studyId), 2, Duration.ofSeconds(30))
                .stream().map(r -> EventSchemas.parse(r.value(), StudyEvent.class)).toList();
        assertThat(events).as("the leftover study events reach tuning.studies, oldest first")
                .containsExactly(tuned, completed);

        Awaitility.await().atMost(Duration.ofMinutes(1)).untilAsserted(() -> assertThat(outboxIds(studyId))
                .as("the sent rows are deleted; the fresh one waits for outbox-resend-after").containsExactly(freshId));
        QuarkusTransaction.requiringNew().run(() -> OutboxMessageEntity.deleteById(freshId));
    }

    private static long storeInOutbox(OutboxMessageEntity.Channel channel, String studyId, String key, Event event,
            Instant createdAt) {
        OutboxMessageEntity row = new OutboxMessageEntity();
        row.channel = channel;
        row.studyId = studyId;
        row.key = key;
        row.payload = EventJson.write(event);
        row.createdAt = createdAt;
        row.persist();
        return row.id;
    }

    private static List<Long> outboxIds(String studyId) {
        return QuarkusTransaction.requiringNew().call(() -> OutboxMessageEntity.<OutboxMessageEntity>list(
                "studyId = ?1 order by id", studyId).stream().map(m -> m.id).toList());
    }
}
