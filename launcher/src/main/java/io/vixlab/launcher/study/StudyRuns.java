package io.vixlab.launcher.study;

import com.fasterxml.jackson.databind.JsonNode;
import io.vixlab.contracts.EventJson;
import io.vixlab.contracts.Topics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * A study's answered runs as the broker saw them: when the tuner issued each trial and final
 * attempt ({@code tuning.trials}, {@code training.finals}) and when a trainer trained it (its answer
 * on {@code training.results} or {@code models.results}: finished at, after so long).
 */
public final class StudyRuns {

    /** Where each topic's events name their run, and for answers how long it trained (null: a request). */
    private record Source(String topic, String runIdField, String durationField) {
        boolean answer() {
            return durationField != null;
        }
    }

    private static final List<Source> SOURCES = List.of(
            new Source(Topics.TUNING_TRIALS, "trialId", null),
            new Source(Topics.TRAINING_FINALS, "finalId", null),
            new Source(Topics.TRAINING_RESULTS, "trialId", "durationMillis"),
            new Source(Topics.MODELS_RESULTS, "finalId", "trainingMillis"));

    private StudyRuns() {
    }

    /** Reads the four topics to their end; runs issued but never answered are left out. */
    public static List<TrainerUtilisation.Run> read(String bootstrapServers, String studyId) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        Map<String, Instant> issued = new HashMap<>();
        Map<String, long[]> answers = new HashMap<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p, new StringDeserializer(),
                new StringDeserializer())) {
            List<TopicPartition> partitions = SOURCES.stream()
                    .flatMap(s -> consumer.partitionsFor(s.topic()).stream()
                            .map(info -> new TopicPartition(s.topic(), info.partition())))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            while (ends.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue())) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    Source source = SOURCES.stream().filter(s -> s.topic().equals(record.topic())).findFirst()
                            .orElseThrow();
                    JsonNode event = json(record.value());
                    if (event == null || !studyId.equals(event.path("studyId").asText())) {
                        continue;
                    }
                    String attempt = event.path(source.runIdField()).asText() + "#" + event.path("attempt").asInt();
                    if (source.answer()) {
                        answers.putIfAbsent(attempt, new long[] {
                                Instant.parse(event.path("finishedAt").asText()).toEpochMilli(),
                                event.path(source.durationField()).asLong()});
                    } else {
                        issued.putIfAbsent(attempt, Instant.parse(event.path("issuedAt").asText()));
                    }
                }
            }
        }
        List<TrainerUtilisation.Run> runs = new ArrayList<>();
        answers.forEach((attempt, finishedAndMillis) -> {
            Instant issuedAt = issued.get(attempt);
            if (issuedAt != null) {
                Instant finished = Instant.ofEpochMilli(finishedAndMillis[0]);
                runs.add(new TrainerUtilisation.Run(issuedAt, finished.minusMillis(finishedAndMillis[1]), finished));
            }
        });
        return runs;
    }

    private static JsonNode json(String value) {
        try {
            return EventJson.mapper().readTree(value);
        } catch (IOException e) {
            return null;
        }
    }
}
