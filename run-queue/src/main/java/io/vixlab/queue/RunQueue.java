package io.vixlab.queue;

import io.vixlab.contracts.Topics;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.AcknowledgeType;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaShareConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One trainer's place in the work queue: a member of a Kafka share group (KIP-932) per topic, taking
 * one run at a time from whichever topic has one, so that any idle trainer takes the next run and
 * trainers may outnumber partitions.
 *
 * <p>Why a group per topic, each topic of one partition: the broker's share-group assignor shares a
 * partition among members only when members outnumber partitions, and otherwise gives each
 * partition to exactly one member. Two trainers on a topic of eight partitions would each own four,
 * and a run on a busy trainer's partition would wait while the other idles (the pinning of classic
 * consumer groups again); two topics in one group would give one trainer the trials and the other
 * the finals. With one partition per group every member is assigned it.
 *
 * <p>While idle the trainer polls one topic's consumer after the other, in order of priority; their
 * fetches wait at the broker for less ({@value #FETCH_WAIT_MS} ms) than a poll lasts. While it
 * trains, the consumers of the other topics leave their groups (those of higher priority only once
 * the run proves long), so that no run waits long locked to a trainer that cannot take it.
 *
 * <p>The run is handed to a {@link Worker} on a thread of its own while the polling thread renews
 * the record's acquisition lock (the broker would otherwise give the run to another trainer after
 * {@link Settings#lockDuration()}). When the worker returns, the record is acknowledged as the
 * worker's {@link Outcome} says: ACCEPT (answered), RELEASE (stopping; another trainer takes it
 * at once), or REJECT after it was put on the dead-letter topic with its reason. A trainer killed
 * while it holds a run loses its connection, and the broker hands the run to another trainer.
 *
 * <p>{@link #close()} is the graceful stop: the worker is told to stop, its run is released, and
 * the queue leaves the group.
 */
public final class RunQueue implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RunQueue.class);
    static final int FETCH_WAIT_MS = 20;
    private static final Duration IDLE_POLL = Duration.ofMillis(100);
    /** A run this long is no longer short: the other topics' consumers leave their groups. */
    private static final Duration LONG_RUN = Duration.ofSeconds(5);
    /** Right after a run, a look at the other topics that costs little when they are empty. */
    private static final Duration GLANCE = Duration.ofMillis(30);
    private static final Duration RENEW_POLL = Duration.ofMillis(100);
    /** A consumer not polled while another's run trains is not a dead member: the longest run. */
    private static final Duration MAX_POLL_INTERVAL = Duration.ofHours(6);

    /**
     * What became of a run, and so how its record is acknowledged.
     *
     * @param deadLetterReason why a rejected run is poison; null otherwise
     */
    public record Outcome(AcknowledgeType acknowledgement, String deadLetterReason) {

        /** Answered (or found answered): the run is done. */
        public static Outcome accept() {
            return new Outcome(AcknowledgeType.ACCEPT, null);
        }

        /** Not answered because the trainer stops: another trainer takes the run as it is. */
        public static Outcome release() {
            return new Outcome(AcknowledgeType.RELEASE, null);
        }

        /** Poison: put on the dead-letter topic with the reason, never delivered again. */
        public static Outcome reject(String reason) {
            return new Outcome(AcknowledgeType.REJECT, Objects.requireNonNull(reason, "reason"));
        }
    }

    /**
     * One delivery of a run.
     *
     * @param deliveryCount 1 the first time; higher when a trainer took it before and did not answer
     * @param deliveryLimit the group's limit: the broker archives the run after this many deliveries
     */
    public record Delivery(String topic, int partition, long offset, String key, String value, int deliveryCount,
            int deliveryLimit) {

        /** The broker will not deliver it again: answer it now, whatever happened before. */
        public boolean isLast() {
            return deliveryCount >= deliveryLimit;
        }
    }

    /** Trains (or otherwise answers) one run; called on the queue's worker thread. */
    @FunctionalInterface
    public interface Worker {

        /**
         * @param stopping true once the queue is closing: the worker should stop at the next
         *                 convenient point and return {@link Outcome#release()}
         */
        Outcome work(Delivery delivery, StopSignal stopping);
    }

    /** Tells a worker that its trainer is stopping. */
    @FunctionalInterface
    public interface StopSignal {
        boolean isSet();
    }

    /**
     * @param groupId        the share groups' prefix: all trainers join {@code <groupId>.<topic>}
     *                       for each topic
     * @param topics         in order of priority: while idle a trainer looks at the first first
     * @param lockDuration   the group's record lock: how long a run stays with a trainer that stopped
     *                       renewing it (a killed trainer's run moves at once: its connection drops)
     * @param renewEvery     how often the lock of a run in progress is renewed; well under the lock
     * @param deliveryLimit  the group's delivery limit
     * @param clientSettings extra Kafka client settings (security), for consumer and producer alike
     */
    public record Settings(String bootstrapServers, String groupId, List<String> topics,
            Duration lockDuration, Duration renewEvery, int deliveryLimit, Map<String, String> clientSettings) {

        public Settings {
            if (renewEvery.compareTo(lockDuration) >= 0) {
                throw new IllegalArgumentException("renew-every " + renewEvery + " must be shorter than the lock "
                        + lockDuration);
            }
            topics = List.copyOf(topics);
        }

        /** The share group of one topic's runs. */
        public String groupOf(String topic) {
            return groupId + "." + topic;
        }
    }

    private final Settings settings;
    private final Worker worker;
    private final String name;
    /** One per topic, in the order they are polled when idle. */
    private final List<KafkaShareConsumer<String, String>> consumers;
    private final DeadLetters deadLetters;
    private final ExecutorService runThread;
    private final Thread pollThread;
    private volatile boolean stopping;

    private RunQueue(Settings settings, String name, Worker worker) {
        this.settings = settings;
        this.worker = worker;
        this.name = name;
        this.consumers = settings.topics().stream().map(topic -> consumer(settings, topic, name)).toList();
        this.deadLetters = new DeadLetters(clientProps(settings), name, Topics.DEAD_LETTERS);
        this.runThread = Executors.newSingleThreadExecutor(r -> new Thread(r, name + "-run"));
        this.pollThread = new Thread(this::pollLoop, name + "-queue");
    }

    private static KafkaShareConsumer<String, String> consumer(Settings settings, String topic, String name) {
        Properties props = clientProps(settings);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, settings.groupOf(topic));
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, name + "-" + topic);
        // One record at a time, acknowledged one by one: without record_limit one poll acquires every
        // waiting run and the other trainers get none.
        props.put(ConsumerConfig.SHARE_ACKNOWLEDGEMENT_MODE_CONFIG, "explicit");
        props.put(ConsumerConfig.SHARE_ACQUIRE_MODE_CONFIG, "record_limit");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "1");
        props.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, String.valueOf(FETCH_WAIT_MS));
        props.put(ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG, String.valueOf(MAX_POLL_INTERVAL.toMillis()));
        KafkaShareConsumer<String, String> consumer = new KafkaShareConsumer<>(props, new StringDeserializer(),
                new StringDeserializer());
        consumer.setAcknowledgementCommitCallback((offsets, failure) -> {
            if (failure != null) {
                LOG.warn("{}: acknowledging {} failed: {}", name, offsets, failure.toString());
            }
        });
        consumer.subscribe(List.of(topic));
        return consumer;
    }

    /**
     * Sets the group's lock and delivery limit (and reading from the earliest run, so that runs
     * published before the first trainer joined are not skipped), joins it and starts taking runs.
     *
     * @param name this trainer's name, for logs and the Kafka client id
     */
    public static RunQueue start(Settings settings, String name, Worker worker) {
        ShareGroupConfig.apply(settings);
        RunQueue queue = new RunQueue(settings, name, worker);
        queue.pollThread.start();
        return queue;
    }

    /**
     * Whether every topic's consumer has joined its group and received its first assignment (the
     * share coordinator's {@code rebalance-total}), so that runs published now reach this trainer;
     * joining takes a heartbeat or two.
     */
    public boolean hasJoined() {
        return consumers.stream().allMatch(consumer -> consumer.metrics().entrySet().stream()
                .anyMatch(metric -> metric.getKey().name().equals("rebalance-total")
                        && ((Number) metric.getValue().metricValue()).doubleValue() >= 1));
    }

    /** Whether the queue is taking runs: false once it stopped, by {@link #close()} or a failure. */
    public boolean isTaking() {
        return !stopping && pollThread.isAlive();
    }

    /** Stops the worker's run (it is released to another trainer), leaves the groups, and returns. */
    @Override
    public void close() {
        stopping = true;
        consumers.forEach(KafkaShareConsumer::wakeup);
        try {
            pollThread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        runThread.shutdownNow();
        deadLetters.close();
    }

    /**
     * Polls the topics in turn while idle, in the settings' order of priority; a run is worked,
     * renewed and acknowledged on its own consumer. A fetch of another consumer that was still
     * waiting at the broker when its poll returned may acquire a run, which would then wait, locked
     * to this trainer, until its next poll. So while a run trains, the consumers of lower priority
     * leave their groups at once (handing any such run back), and those of higher priority (few
     * runs, which must not starve behind the many) stay, ready the moment a short run ends, and leave
     * once the run has lasted {@code LONG_RUN}. All join again when it ends.
     */
    private void pollLoop() {
        try {
            Duration wait = IDLE_POLL;
            int next = 0;
            while (!stopping) {
                KafkaShareConsumer<String, String> consumer = consumers.get(next);
                ConsumerRecords<String, String> polled = consumer.poll(wait);
                wait = IDLE_POLL;
                for (ConsumerRecord<String, String> record : polled) {
                    List<KafkaShareConsumer<String, String>> before = consumers.subList(0, consumers.indexOf(consumer));
                    List<KafkaShareConsumer<String, String>> after = consumers.subList(consumers.indexOf(consumer) + 1,
                            consumers.size());
                    after.forEach(KafkaShareConsumer::unsubscribe);
                    Runnable leaveBefore = () -> before.forEach(KafkaShareConsumer::unsubscribe);
                    AcknowledgeType ack = stopping ? AcknowledgeType.RELEASE : run(consumer, record, leaveBefore);
                    if (ack != null) {
                        acknowledge(consumer, record, ack);
                    }
                    consumers.stream().filter(other -> other.subscription().isEmpty())
                            .forEach(other -> other.subscribe(List.of(topicOf(other))));
                    // Back to the first topic, briefly: the one just worked likely has more.
                    wait = consumers.size() > 1 ? GLANCE : IDLE_POLL;
                    next = -1;
                }
                next = (next + 1) % consumers.size();
            }
        } catch (WakeupException e) {
            if (!stopping) {
                throw e;
            }
        } catch (RuntimeException e) {
            LOG.error("{}: the run queue stopped", name, e);
        } finally {
            consumers.forEach(consumer -> consumer.close(Duration.ofSeconds(10)));
        }
    }

    private String topicOf(KafkaShareConsumer<String, String> consumer) {
        return settings.topics().get(consumers.indexOf(consumer));
    }

    /**
     * Runs the worker while renewing the lock; returns how to acknowledge the record, or null when
     * the record is no longer this trainer's to acknowledge (its lock lapsed while the broker was
     * away: whoever takes it next finds the answer on the results topic).
     *
     * <p>A renewal is an acknowledgement (RENEW) sent with the next poll, which hands the record
     * back; until it is back it may not be acknowledged again, so the loop polls for it.
     */
    private AcknowledgeType run(KafkaShareConsumer<String, String> consumer, ConsumerRecord<String, String> record,
            Runnable onLongRun) {
        Delivery delivery = new Delivery(record.topic(), record.partition(), record.offset(), record.key(),
                record.value(), record.deliveryCount().map(Short::intValue).orElse(1), settings.deliveryLimit());
        Future<Outcome> outcome = runThread.submit(() -> worker.work(delivery, () -> stopping));
        boolean inHand = true;
        boolean longRun = false;
        long renewedAt = System.nanoTime();
        while (true) {
            try {
                if (inHand) {
                    long untilRenewal = settings.renewEvery().toNanos() - (System.nanoTime() - renewedAt);
                    long wait = longRun ? untilRenewal : Math.min(untilRenewal, LONG_RUN.toNanos());
                    return acknowledgement(record, outcome.get(Math.max(0, wait), TimeUnit.NANOSECONDS));
                }
                inHand = pollForRenewed(consumer, record);
                if (!inHand && outcome.isDone()
                        && System.nanoTime() - renewedAt > settings.lockDuration().toNanos()) {
                    LOG.warn("{}: the lock of run {} lapsed; not acknowledging it", name, delivery.key());
                    return null;
                }
            } catch (TimeoutException e) {
                if (!longRun) {
                    longRun = true;
                    onLongRun.run();
                }
                if (System.nanoTime() - renewedAt >= settings.renewEvery().toNanos()) {
                    consumer.acknowledge(record, AcknowledgeType.RENEW);
                    inHand = false;
                    renewedAt = System.nanoTime();
                }
            } catch (ExecutionException e) {
                LOG.error("{}: run {} failed unexpectedly; releasing it", name, delivery.key(), e.getCause());
                return AcknowledgeType.RELEASE;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return AcknowledgeType.RELEASE;
            } catch (WakeupException e) {
                // close() while the run trains: the worker sees the stop signal and returns Release.
                LOG.info("{}: stopping; waiting for run {} to stop", name, delivery.key());
            }
        }
    }

    /** One short poll; true when it handed the renewed record back. Any other record goes back. */
    private static boolean pollForRenewed(KafkaShareConsumer<String, String> consumer,
            ConsumerRecord<String, String> record) {
        boolean back = false;
        for (ConsumerRecord<String, String> polled : consumer.poll(RENEW_POLL)) {
            if (sameRecord(polled, record)) {
                back = true;
            } else {
                // Not expected with one record per poll; another trainer takes it.
                consumer.acknowledge(polled, AcknowledgeType.RELEASE);
            }
        }
        return back;
    }

    private AcknowledgeType acknowledgement(ConsumerRecord<String, String> record, Outcome outcome) {
        if (outcome.acknowledgement() != AcknowledgeType.REJECT) {
            return outcome.acknowledgement();
        }
        return deadLetters.send(record, outcome.deadLetterReason(), () -> stopping)
                ? AcknowledgeType.REJECT : AcknowledgeType.RELEASE;
    }

    /**
     * The acknowledgement travels with the next poll, which asks for the next run in the same
     * request: no round trip of its own between two runs. A failure (the lock lapsed while the
     * broker was away) is logged by the commit callback: the run went back to the queue, and
     * whoever takes it finds its answer on the results topic.
     */
    private void acknowledge(KafkaShareConsumer<String, String> consumer, ConsumerRecord<String, String> record,
            AcknowledgeType ack) {
        try {
            consumer.acknowledge(record, ack);
        } catch (IllegalStateException e) {
            // Stopped in the middle of a renewal: the record is not in hand; leaving the group releases it.
            LOG.info("{}: run {} is released as the queue closes", name, record.key());
        }
    }

    private static boolean sameRecord(ConsumerRecord<String, String> a, ConsumerRecord<String, String> b) {
        return a.topic().equals(b.topic()) && a.partition() == b.partition() && a.offset() == b.offset();
    }

    static Properties clientProps(Settings settings) {
        Properties props = new Properties();
        props.putAll(settings.clientSettings());
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
        return props;
    }
}
