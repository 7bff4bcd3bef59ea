package io.vixlab.queue;

import com.fasterxml.jackson.databind.JsonNode;
import io.vixlab.contracts.EventJson;
import io.vixlab.contracts.Topics;
import io.vixlab.contracts.training.TrainingProgress.RunKind;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which run attempts have been answered, by any trainer, read from the results topics themselves
 * ({@code training.results} for trials, {@code models.results} for finals): a run's answer is on the
 * broker exactly when it has been answered, so this view needs no store of its own and every
 * trainer sees every other's answers.
 *
 * <p>{@link #isAnswered} first catches up with everything the broker holds at the moment of the
 * call, so a run redelivered after its trainer was killed right after publishing its result is
 * recognised, and not trained again.
 */
public final class AnsweredRuns implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AnsweredRuns.class);
    private static final Map<String, RunKind> KIND_BY_TOPIC = Map.of(
            Topics.TRAINING_RESULTS, RunKind.TRIAL,
            Topics.MODELS_RESULTS, RunKind.FINAL);
    private static final Map<RunKind, String> RUN_ID_FIELD = Map.of(RunKind.TRIAL, "trialId", RunKind.FINAL, "finalId");

    private record Attempt(RunKind kind, String runId, int attempt) {
    }

    private final KafkaConsumer<String, String> consumer;
    private final Set<Attempt> answered = ConcurrentHashMap.newKeySet();
    private final Queue<CompletableFuture<Void>> catchUps = new ConcurrentLinkedQueue<>();
    private final Thread reader;
    private volatile boolean closed;

    private AnsweredRuns(Properties clientProps, String name) {
        Properties props = new Properties();
        props.putAll(clientProps);
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, name + "-answers");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        // A question waits for the reader's fetch in flight: keep it short (the default waits 500 ms).
        props.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, "100");
        this.consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer());
        this.reader = new Thread(this::readLoop, name + "-answers");
        this.reader.setDaemon(true);
    }

    /** Starts reading both results topics from their beginning, without a consumer group. */
    public static AnsweredRuns start(RunQueue.Settings settings, String name) {
        AnsweredRuns view = new AnsweredRuns(RunQueue.clientProps(settings), name);
        view.reader.start();
        return view;
    }

    /**
     * Whether an answer of this attempt is on the broker, as of this call.
     *
     * @throws TimeoutException when the view could not catch up in time (e.g. the broker is away)
     */
    public boolean isAnswered(RunKind kind, String runId, int attempt, Duration timeout)
            throws TimeoutException, InterruptedException {
        if (!isReading()) {
            throw new IllegalStateException("the answers view has stopped reading");
        }
        CompletableFuture<Void> caughtUp = new CompletableFuture<>();
        catchUps.add(caughtUp);
        // Cuts the reader's poll short, so the question does not wait for it.
        consumer.wakeup();
        try {
            caughtUp.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException("the answers view stopped", e.getCause());
        }
        return answeredSoFar(kind, runId, attempt);
    }

    /**
     * Whether a delivered run was answered already. A redelivery (its trainer may have died right
     * after answering) is asked after the view caught up with the broker; a first delivery is asked
     * of the view as it is ({@link #answeredSoFar}).
     *
     * @throws TimeoutException when a redelivery's catch-up did not finish in time
     */
    public boolean isAnswered(RunKind kind, String runId, int attempt, int deliveryCount, Duration timeout)
            throws TimeoutException, InterruptedException {
        return deliveryCount == 1 ? answeredSoFar(kind, runId, attempt) : isAnswered(kind, runId, attempt, timeout);
    }

    /** False once the view stopped (closed, or failed): it then answers no question. */
    public boolean isReading() {
        return !closed && reader.isAlive();
    }

    /**
     * Whether this view has seen an answer of the attempt so far, without waiting: enough for a
     * first delivery (a duplicate is sent long after its original, and one that races its answer
     * is stopped by the answer at its next epoch).
     */
    public boolean answeredSoFar(RunKind kind, String runId, int attempt) {
        return answered.contains(new Attempt(kind, runId, attempt));
    }

    @Override
    public void close() {
        closed = true;
        consumer.wakeup();
        try {
            reader.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void readLoop() {
        try (consumer) {
            List<TopicPartition> partitions = null;
            while (partitions == null && !closed) {
                try {
                    partitions = assignAll();
                } catch (WakeupException e) {
                    // A question before the view started: it waits for the loop below.
                }
            }
            List<CompletableFuture<Void>> waiting = new ArrayList<>();
            Map<TopicPartition, Long> ends = null;
            while (!closed) {
                try {
                    if (ends == null) {
                        waiting.addAll(drain());
                        // The ends are taken before reading on: a caller waits for all published before it asked.
                        ends = waiting.isEmpty() ? null : endOffsets(partitions);
                    }
                    if (ends == null || !caughtUp(ends)) {
                        consumer.poll(Duration.ofMillis(100)).forEach(this::remember);
                    }
                    if (ends != null && caughtUp(ends)) {
                        waiting.forEach(w -> w.complete(null));
                        waiting.clear();
                        ends = null;
                    }
                } catch (WakeupException e) {
                    // A new question (or close()): go round again.
                }
            }
        } catch (RuntimeException e) {
            LOG.error("the answers view stopped", e);
            fail(e);
        }
    }

    private List<TopicPartition> assignAll() {
        List<TopicPartition> partitions = KIND_BY_TOPIC.keySet().stream()
                .flatMap(topic -> consumer.partitionsFor(topic).stream()
                        .map(p -> new TopicPartition(topic, p.partition())))
                .toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        return partitions;
    }

    /** Null while the broker does not answer: the callers wait on (their own timeout bounds it). */
    private Map<TopicPartition, Long> endOffsets(List<TopicPartition> partitions) {
        try {
            return consumer.endOffsets(partitions, Duration.ofSeconds(5));
        } catch (org.apache.kafka.common.errors.TimeoutException e) {
            return null;
        }
    }

    private boolean caughtUp(Map<TopicPartition, Long> ends) {
        return ends.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
    }

    private List<CompletableFuture<Void>> drain() {
        List<CompletableFuture<Void>> waiting = new ArrayList<>();
        for (CompletableFuture<Void> w; (w = catchUps.poll()) != null; ) {
            waiting.add(w);
        }
        return waiting;
    }

    private void fail(RuntimeException e) {
        drain().forEach(w -> w.completeExceptionally(e));
    }

    private void remember(ConsumerRecord<String, String> record) {
        RunKind kind = KIND_BY_TOPIC.get(record.topic());
        try {
            JsonNode result = EventJson.mapper().readTree(record.value());
            JsonNode runId = result.get(RUN_ID_FIELD.get(kind));
            JsonNode attempt = result.get("attempt");
            if (runId != null && attempt != null && attempt.canConvertToInt()) {
                answered.add(new Attempt(kind, runId.asText(), attempt.asInt()));
            }
        } catch (IOException | RuntimeException e) {
            // Not an answer (results topics are validated by their consumers): nothing to remember.
            LOG.debug("skipping an unreadable record on {}: {}", record.topic(), e.toString());
        }
    }
}
