package io.vixlab.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vixlab.contracts.Topics;
import io.vixlab.contracts.training.TrainingProgress.RunKind;
import io.vixlab.kafka.LocalKafkaBroker;
import io.vixlab.kafka.TopicProvisioner;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * The work queue and the answers view over a real broker. Each test has its own topics and group, so
 * the tests run at the same time.
 */
@Execution(ExecutionMode.CONCURRENT)
class RunQueueTest {

    private static LocalKafkaBroker kafka;
    private static KafkaProducer<String, String> producer;
    private final List<RunQueue> queues = new ArrayList<>();

    @BeforeAll
    static void startBroker() throws Exception {
        kafka = LocalKafkaBroker.start(LocalKafkaBroker.options(Files.createTempDirectory("run-queue-kafka")));
        TopicProvisioner.ensure(kafka.bootstrapServers(), List.of(
                new TopicProvisioner.Topic(Topics.TRAINING_RESULTS, 4, false),
                new TopicProvisioner.Topic(Topics.MODELS_RESULTS, 1, false),
                new TopicProvisioner.Topic(Topics.DEAD_LETTERS, 1, false)));
        Properties p = new Properties();
        p.put("bootstrap.servers", kafka.bootstrapServers());
        p.put("acks", "all");
        producer = new KafkaProducer<>(p, new StringSerializer(), new StringSerializer());
    }

    @AfterAll
    static void stopBroker() {
        producer.close();
        kafka.close();
    }

    @AfterEach
    void closeQueues() {
        queues.forEach(RunQueue::close);
    }

    @Test
    void twelveTrainersOnFourPartitionsAllGetWork() throws Exception {
        String topic = topic(4);
        Map<String, Set<String>> runsByTrainer = new ConcurrentHashMap<>();
        for (int i = 0; i < 12; i++) {
            String trainer = "trainer-" + i;
            start(settings(topic, Duration.ofSeconds(15), Duration.ofSeconds(5)), trainer, (run, stop) -> {
                runsByTrainer.computeIfAbsent(trainer, t -> ConcurrentHashMap.newKeySet()).add(run.key());
                // Each trainer holds its run until all twelve have one: only possible if none is left out.
                await().atMost(Duration.ofSeconds(60)).until(() -> runsByTrainer.size() == 12 || stop.isSet());
                return RunQueue.Outcome.accept();
            });
        }
        for (int i = 0; i < 24; i++) {
            send(topic, "run-" + i, "{}");
        }
        await().atMost(Duration.ofSeconds(90)).until(() -> runsByTrainer.values().stream().mapToInt(Set::size).sum() == 24);
        assertThat(runsByTrainer).hasSize(12);
        assertThat(runsByTrainer.values().stream().flatMap(Set::stream).distinct().count()).isEqualTo(24);
    }

    @Test
    void aRunLongerThanTheLockStaysWithItsTrainer() throws Exception {
        String topic = topic(1);
        List<String> deliveries = new CopyOnWriteArrayList<>();
        List<String> finished = new CopyOnWriteArrayList<>();
        // Lock 4 s, renewed every 0.5 s (a renewal may be late by 3.5 s on a loaded machine); the run
        // takes 8 s, two locks' worth.
        RunQueue.Settings settings = settings(topic, Duration.ofSeconds(4), Duration.ofMillis(500));
        for (String trainer : List.of("a", "b")) {
            start(settings, trainer, (run, stop) -> {
                deliveries.add(trainer + ":" + run.key() + ":" + run.deliveryCount());
                sleep(Duration.ofSeconds(8));
                finished.add(trainer);
                return RunQueue.Outcome.accept();
            });
        }
        send(topic, "long", "{}");
        await().atMost(Duration.ofSeconds(60)).until(() -> !finished.isEmpty());
        // A lapsed lock would have handed the run to the other trainer while the first still trained it.
        assertThat(deliveries).hasSize(1);
        assertThat(deliveries.get(0)).endsWith(":long:1");
    }

    @Test
    void aStoppingTrainerReleasesItsRunToAnotherAtOnce() throws Exception {
        String topic = topic(1);
        RunQueue.Settings settings = settings(topic, Duration.ofSeconds(15), Duration.ofSeconds(5));
        CountDownLatch started = new CountDownLatch(1);
        RunQueue first = start(settings, "first", (run, stop) -> {
            started.countDown();
            await().atMost(Duration.ofMinutes(2)).until(stop::isSet);
            return RunQueue.Outcome.release();
        });
        await().atMost(Duration.ofSeconds(60)).until(first::hasJoined);
        send(topic, "released", "{}");
        assertThat(started.await(60, TimeUnit.SECONDS)).isTrue();
        List<Integer> secondDeliveries = new CopyOnWriteArrayList<>();
        start(settings, "second", (run, stop) -> {
            secondDeliveries.add(run.deliveryCount());
            return RunQueue.Outcome.accept();
        });
        long closedAt = System.nanoTime();
        first.close();
        queues.remove(first);
        await().atMost(Duration.ofSeconds(30)).until(() -> !secondDeliveries.isEmpty());
        // Well inside the 15 s lock: the release handed it over, not the lock's lapse.
        assertThat(Duration.ofNanos(System.nanoTime() - closedAt)).isLessThan(Duration.ofSeconds(12));
        assertThat(secondDeliveries).containsExactly(2);
    }

    @Test
    void aRejectedRunIsDeadLetteredOnceWithItsReasonAndOthersGoOn() throws Exception {
        String topic = topic(1);
        List<String> worked = new CopyOnWriteArrayList<>();
        start(settings(topic, Duration.ofSeconds(15), Duration.ofSeconds(5)), "t", (run, stop) -> {
            worked.add(run.key());
            return run.value().contains("poison") ? RunQueue.Outcome.reject("poison: " + run.key())
                    : RunQueue.Outcome.accept();
        });
        send(topic, "bad", "{\"poison\":true}");
        send(topic, "good", "{}");
        await().atMost(Duration.ofSeconds(60)).until(() -> worked.contains("good"));
        List<ConsumerRecord<String, String>> dead = deadLettersFrom(topic, 1);
        assertThat(dead).hasSize(1);
        assertThat(dead.get(0).key()).isEqualTo("bad");
        assertThat(new String(dead.get(0).headers().lastHeader("dead-letter-reason").value(), StandardCharsets.UTF_8))
                .isEqualTo("poison: bad");
        assertThat(new String(dead.get(0).headers().lastHeader("dead-letter-topic").value(), StandardCharsets.UTF_8))
                .isEqualTo(topic);
        assertThat(worked).containsExactly("bad", "good");
    }

    @Test
    void anAnswerOnTheBrokerIsSeenByTheNextQuestion() throws Exception {
        RunQueue.Settings settings = settings(topic(1), Duration.ofSeconds(15), Duration.ofSeconds(5));
        try (AnsweredRuns answers = AnsweredRuns.start(settings, "view")) {
            String trial = "trial-" + UUID.randomUUID();
            String fin = "final-" + UUID.randomUUID();
            assertThat(answers.isAnswered(RunKind.TRIAL, trial, 1, Duration.ofSeconds(30))).isFalse();
            for (int i = 0; i < 20; i++) {
                // Asked right after the broker acknowledged the answer, as a redelivery after kill -9 would.
                producer.send(new ProducerRecord<>(Topics.TRAINING_RESULTS, trial,
                        "{\"trialId\":\"" + trial + "\",\"attempt\":" + (i + 1) + ",\"state\":\"COMPLETE\"}")).get();
                assertThat(answers.isAnswered(RunKind.TRIAL, trial, i + 1, Duration.ofSeconds(30))).isTrue();
            }
            producer.send(new ProducerRecord<>(Topics.MODELS_RESULTS, fin,
                    "{\"finalId\":\"" + fin + "\",\"attempt\":2}")).get();
            assertThat(answers.isAnswered(RunKind.FINAL, fin, 2, Duration.ofSeconds(30))).isTrue();
            assertThat(answers.answeredSoFar(RunKind.FINAL, fin, 1)).isFalse();
            assertThat(answers.answeredSoFar(RunKind.TRIAL, fin, 2)).isFalse();
            assertThat(answers.answeredSoFar(RunKind.TRIAL, trial, 21)).isFalse();
        }
    }

    private RunQueue start(RunQueue.Settings settings, String name, RunQueue.Worker worker) {
        RunQueue queue = RunQueue.start(settings, name, worker);
        queues.add(queue);
        return queue;
    }

    private static RunQueue.Settings settings(String topic, Duration lock, Duration renewEvery) {
        return new RunQueue.Settings(kafka.bootstrapServers(), "group-" + topic, List.of(topic), lock, renewEvery, 5,
                Map.of());
    }

    private static String topic(int partitions) {
        String topic = "runs-" + UUID.randomUUID();
        TopicProvisioner.ensure(kafka.bootstrapServers(), List.of(new TopicProvisioner.Topic(topic, partitions, false)));
        return topic;
    }

    private static void send(String topic, String key, String value) throws Exception {
        producer.send(new ProducerRecord<>(topic, key, value)).get();
    }

    private static List<ConsumerRecord<String, String>> deadLettersFrom(String topic, int expected) {
        Properties p = new Properties();
        p.put("bootstrap.servers", kafka.bootstrapServers());
        try (KafkaConsumer<String, String> c = new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer())) {
            TopicPartition partition = new TopicPartition(Topics.DEAD_LETTERS, 0);
            c.assign(List.of(partition));
            c.seekToBeginning(List.of(partition));
            long end = c.endOffsets(List.of(partition)).get(partition);
            List<ConsumerRecord<String, String>> dead = new ArrayList<>();
            while (c.position(partition) < end) {
                for (ConsumerRecord<String, String> r : c.poll(Duration.ofMillis(200))) {
                    String from = new String(r.headers().lastHeader("dead-letter-topic").value(), StandardCharsets.UTF_8);
                    if (from.equals(topic)) {
                        dead.add(r);
                    }
                }
            }
            return dead;
        }
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
