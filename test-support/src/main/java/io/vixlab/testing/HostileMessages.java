package io.vixlab.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vixlab.contracts.EventJson;
import io.vixlab.contracts.MessageLimits;
import io.vixlab.contracts.Topics;
import io.vixlab.queue.DeadLetters;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The poison-message catalogue that every consuming service's {@code HostileMessagesTest} runs on the
 * real broker: every {@link Probe} is sent to every consumed topic ({@link Target}) at once, then a good
 * event to each partition of those topics ({@link #sendAll}). Checked once: the good events are consumed
 * (the channel's committed offset passes them) and not dead-lettered. Checked per kind
 * ({@link Batch#deadLettered}): the poison is on the dead-letter topic with a reason naming the problem
 * (cut to fit and saying so when too large to carry whole). The caller checks health and that nothing
 * was stored.
 */
public final class HostileMessages {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final Duration POLL = Duration.ofMillis(200);
    /** Between the old 1 MiB producer limit and the broker's 2 MiB: once stopped every channel. */
    private static final int BETWEEN_THE_OLD_LIMITS_BYTES = 1_900_000;
    /** A value with its key as large as the broker takes: its dead letter cannot carry it whole. */
    private static final int LARGEST_VALUE_BYTES = MessageLimits.MAX_MESSAGE_BYTES - 200;
    private static final int LONG_STRING_CHARS = 1_500_000;

    private HostileMessages() {
    }

    /**
     * A consumed topic.
     *
     * @param good              a valid event of the topic, as JSON, for a key: unique per call
     * @param consumed          waits until the service consumed the good event sent after the poison
     * @param textField         a text field the schema bounds (a 1.5 MB string there is poison)
     * @param enumField         a field with a fixed set of values; null when the event has none
     * @param tombstoneIsPoison false where a null value means something (deletes on market.bars)
     */
    public record Target(String topic, Function<String, String> good, Consumption consumed, String textField,
            String enumField, boolean tombstoneIsPoison) {

        boolean compacted() {
            return Topics.SPECS.stream().anyMatch(spec -> spec.name().equals(topic) && spec.compacted());
        }
    }

    /** How a test sees that a service consumed a good event. */
    @FunctionalInterface
    public interface Consumption {
        void await(String key, TopicPartition partition, long offset) throws Exception;
    }

    /** Consumed by a channel of {@code group}: its committed offset passes the event. */
    public static Consumption committedBy(String group) {
        return (key, partition, offset) -> ConsumerGroups.awaitPast(group, partition, offset);
    }

    /**
     * One poison message, as sent.
     *
     * @param reasons what its dead letter's reason must name (the problem, the field)
     */
    public record Poison(String topic, String key, byte[] value, Map<String, String> headers, List<String> reasons,
            boolean truncated) {
    }

    /** The kinds of poison, each one JUnit invocation per service. */
    public enum Probe {
        BETWEEN_THE_OLD_PRODUCER_AND_BROKER_LIMITS("a 1.9 MB value that is not JSON", "not JSON"),
        AS_LARGE_AS_THE_BROKER_TAKES("a value as large as the broker takes (dead-lettered cut)", "not JSON"),
        NOT_JSON("text that is not JSON", "not JSON"),
        EMPTY("an empty value", "not JSON: empty"),
        ARRAY("a JSON array", "expected a JSON object, got an array"),
        STRING("a JSON string", "expected a JSON object, got a string"),
        NUMBER("a JSON number", "expected a JSON object, got a number"),
        MISSING_FIELD("a required field missing", "required property"),
        NEWER_SCHEMA_VERSION("schemaVersion 2", "constant value"),
        NUMBER_TOO_LARGE("1e400 for a number", "not a finite number"),
        NAN_STRING("\"NaN\" for a number", "number expected"),
        FLOAT_FOR_INT("1.5 for an integer", "breaks its schema"),
        DEEPLY_NESTED("100,000 nested arrays", "nesting depth"),
        LONG_STRING("a 1.5 MB string field", "breaks its schema"),
        INVALID_UTF8("bytes that are not UTF-8", "not JSON"),
        UNKNOWN_ENUM_VALUE("an unknown enum value", "enumeration"),
        TOMBSTONE("a null value", "no value"),
        CLOUD_EVENT_HEADER("a CloudEvents content type on text", "not JSON"),
        NULL_KEY_ON_A_COMPACTED_TOPIC("a null key on a compacted topic (the broker refuses it)", null);

        private final String description;
        private final String reason;

        Probe(String description, String reason) {
            this.description = description;
            this.reason = reason;
        }

        @Override
        public String toString() {
            return description;
        }

        /** The poison for {@code target} under {@code key}; empty where the kind does not apply. */
        Optional<Poison> poison(Target target, String key) {
            ObjectNode good = tree(target.good().apply(key));
            return switch (this) {
                case BETWEEN_THE_OLD_PRODUCER_AND_BROKER_LIMITS -> text(target, key, "x".repeat(BETWEEN_THE_OLD_LIMITS_BYTES));
                case AS_LARGE_AS_THE_BROKER_TAKES -> Optional.of(new Poison(target.topic(), key,
                        "x".repeat(LARGEST_VALUE_BYTES - key.length()).getBytes(StandardCharsets.UTF_8),
                        Map.of(), List.of(reason), true));
                case NOT_JSON -> text(target, key, "this is not JSON {");
                case EMPTY -> text(target, key, "");
                case ARRAY -> text(target, key, "[" + good + "]");
                case STRING -> text(target, key, "\"" + key + "\"");
                case NUMBER -> text(target, key, "42");
                case MISSING_FIELD -> firstField(good, node -> !node.isNull(), true).map(field -> {
                    field.parent().remove(field.name());
                    return json(target, key, good, field.name());
                });
                case NEWER_SCHEMA_VERSION -> Optional.of(json(target, key, good.put("schemaVersion", 2), "schemaVersion"));
                case NUMBER_TOO_LARGE -> firstField(good, JsonNode::isFloatingPointNumber, false).map(field -> {
                    field.parent().set(field.name(), DecimalNode.valueOf(new BigDecimal("1e400")));
                    return json(target, key, good, field.name());
                });
                case NAN_STRING -> firstField(good, JsonNode::isFloatingPointNumber, false).map(field -> {
                    field.parent().put(field.name(), "NaN");
                    return json(target, key, good, field.name());
                });
                case FLOAT_FOR_INT -> firstField(good, JsonNode::isIntegralNumber, false)
                        .or(() -> Optional.of(new Field(good, "schemaVersion"))).map(field -> {
                    field.parent().put(field.name(), 1.5);
                    return json(target, key, good, field.name());
                });
                case DEEPLY_NESTED -> text(target, key, "[".repeat(100_000));
                case LONG_STRING -> Optional.of(json(target, key,
                        good.put(target.textField(), "y".repeat(LONG_STRING_CHARS)), target.textField()));
                case INVALID_UTF8 -> Optional.of(new Poison(target.topic(), key,
                        new byte[] {'{', (byte) 0xC3, (byte) 0x28, (byte) 0xFF, (byte) 0xFE, '}'}, Map.of(), List.of(reason),
                        false));
                case UNKNOWN_ENUM_VALUE -> Optional.ofNullable(target.enumField()).map(field ->
                        json(target, key, good.put(field, "NOT_A_VALUE"), field));
                case TOMBSTONE -> target.tombstoneIsPoison()
                        ? Optional.of(new Poison(target.topic(), key, null, Map.of(), List.of(reason), false))
                        : Optional.empty();
                case CLOUD_EVENT_HEADER -> Optional.of(new Poison(target.topic(), key,
                        "not a cloud event {".getBytes(StandardCharsets.UTF_8),
                        Map.of("content-type", "application/cloudevents+json"), List.of(reason), false));
                case NULL_KEY_ON_A_COMPACTED_TOPIC -> target.compacted()
                        ? Optional.of(new Poison(target.topic(), null, target.good().apply(key).getBytes(StandardCharsets.UTF_8),
                                Map.of(), List.of(), false))
                        : Optional.empty();
            };
        }

        private Optional<Poison> text(Target target, String key, String value) {
            return Optional.of(new Poison(target.topic(), key, value.getBytes(StandardCharsets.UTF_8), Map.of(),
                    List.of(reason), false));
        }

        /** Poison made of a good event changed: its reason names the kind's problem and the field. */
        private Poison json(Target target, String key, ObjectNode changed, String field) {
            return new Poison(target.topic(), key, changed.toString().getBytes(StandardCharsets.UTF_8), Map.of(),
                    List.of(reason, field), false);
        }
    }

    private record Field(ObjectNode parent, String name) {
    }

    /**
     * The first field (depth first, objects only, never schemaVersion) whose value matches. Not in
     * {@code params}: a map of any JSON values, which the architecture's search space judges.
     */
    private static Optional<Field> firstField(ObjectNode node, java.util.function.Predicate<JsonNode> matching,
            boolean topLevelOnly) {
        for (Map.Entry<String, JsonNode> entry : node.properties()) {
            if (entry.getKey().equals("schemaVersion")) {
                continue;
            }
            if (matching.test(entry.getValue()) && !entry.getValue().isObject()) {
                return Optional.of(new Field(node, entry.getKey()));
            }
            if (!topLevelOnly && entry.getValue() instanceof ObjectNode child && !entry.getKey().equals("params")) {
                Optional<Field> found = firstField(child, matching, false);
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Sends every kind's poison to every target it applies to, all at once, then a good event to every partition
     * of each target's topic, and waits once: until each good event is consumed (each channel went on past all
     * the poison before it) and every poison's dead letter is there, or the deadline passed. The checks per kind
     * are {@link Batch#deadLettered}'s.
     */
    public static Batch sendAll(List<Target> targets) {
        String bootstrap = KafkaTestResource.bootstrapServers();
        long deadLettersFrom = endOffset(bootstrap, Topics.DEAD_LETTERS);
        Map<Probe, List<Poison>> sent = new EnumMap<>(Probe.class);
        Map<Probe, List<Refusal>> refused = new EnumMap<>(Probe.class);
        List<GoodEvent> goodEvents = new ArrayList<>();
        try (KafkaProducer<String, byte[]> producer = producer(bootstrap)) {
            for (Probe probe : Probe.values()) {
                for (Target target : targets) {
                    String key = "hostile-" + probe.name().toLowerCase() + "-" + UUID.randomUUID().toString().substring(0, 8);
                    probe.poison(target, key).ifPresent(poison -> {
                        if (poison.key() == null) {
                            refused.computeIfAbsent(probe, p -> new ArrayList<>()).add(new Refusal(target.topic(),
                                    catchThrowable(() -> send(producer, poison))));
                        } else {
                            send(producer, poison);
                            sent.computeIfAbsent(probe, p -> new ArrayList<>()).add(poison);
                        }
                    });
                }
            }
            for (Target target : targets) {
                for (int partition = 0; partition < partitions(target.topic()); partition++) {
                    String key = "hostile-good-" + UUID.randomUUID().toString().substring(0, 8);
                    goodEvents.add(new GoodEvent(target, key, send(producer, new ProducerRecord<>(target.topic(),
                            partition, key, target.good().apply(key).getBytes(StandardCharsets.UTF_8)))));
                }
            }
        }
        for (GoodEvent good : goodEvents) {
            try {
                good.target().consumed().await(good.key(),
                        new TopicPartition(good.sent().topic(), good.sent().partition()), good.sent().offset());
            } catch (Exception e) {
                throw new AssertionError(good.target().topic() + ": the good event after the poison was not consumed", e);
            }
        }
        List<String> poisonKeys = sent.values().stream().flatMap(List::stream).map(Poison::key).toList();
        Map<String, ConsumerRecord<String, String>> dead = deadLetters(bootstrap, deadLettersFrom, poisonKeys);
        Set<String> goodKeys = goodEvents.stream().map(GoodEvent::key).collect(Collectors.toUnmodifiableSet());
        assertThat(dead.keySet()).as("good events are not dead-lettered").doesNotContainAnyElementsOf(goodKeys);
        return new Batch(sent, refused, dead, goodKeys);
    }

    /** A good event sent after the poison, and where it went. */
    private record GoodEvent(Target target, String key, RecordMetadata sent) {
    }

    /** A poison message the broker was asked to take, and what it answered. */
    private record Refusal(String topic, Throwable failure) {
    }

    /** What {@link #sendAll} sent and found on the dead-letter topic. */
    public static final class Batch {

        private final Map<Probe, List<Poison>> sent;
        private final Map<Probe, List<Refusal>> refused;
        private final Map<String, ConsumerRecord<String, String>> deadLetters;
        private final Set<String> goodKeys;

        private Batch(Map<Probe, List<Poison>> sent, Map<Probe, List<Refusal>> refused,
                Map<String, ConsumerRecord<String, String>> deadLetters, Set<String> goodKeys) {
            this.sent = sent;
            this.refused = refused;
            this.deadLetters = deadLetters;
            this.goodKeys = goodKeys;
        }

        /** The keys of the good events sent after the poison, all consumed. */
        public Set<String> goodKeys() {
            return goodKeys;
        }

        /**
         * Checks one kind: it applied to some topic; each of its messages the broker took is on the dead-letter
         * topic with its reason and value (cut, and saying so, when too large to carry whole); each the broker
         * refused was refused for its null key. Returns the poison the broker took, for the caller's checks of
         * its store.
         */
        public List<Poison> deadLettered(Probe probe) {
            List<Poison> taken = sent.getOrDefault(probe, List.of());
            List<Refusal> refusals = refused.getOrDefault(probe, List.of());
            assertThat(taken.size() + refusals.size()).as(probe + " applies to some topic").isPositive();
            refusals.forEach(refusal -> assertThat(refusal.failure()).as(refusal.topic() + " takes no null key")
                    .hasRootCauseInstanceOf(InvalidRecordException.class));
            assertThat(deadLetters.keySet()).as("dead letters of " + probe)
                    .containsAll(taken.stream().map(Poison::key).toList());
            taken.forEach(poison -> assertDeadLetter(deadLetters.get(poison.key()), poison));
            return taken;
        }
    }

    /** The kinds that apply to at least one of {@code targets}: one test invocation each. */
    public static List<Probe> probesFor(List<Target> targets) {
        return java.util.Arrays.stream(Probe.values())
                .filter(probe -> targets.stream().anyMatch(t -> probe.poison(t, "applies").isPresent())).toList();
    }

    /**
     * The dead letters since {@code from}, by key, once all of {@code keys} are there or the wait's deadline
     * passed (the caller tells which are missing).
     */
    private static Map<String, ConsumerRecord<String, String>> deadLetters(String bootstrap, long from,
            List<String> keys) {
        Map<String, ConsumerRecord<String, String>> dead = new HashMap<>();
        long deadline = System.nanoTime() + WAIT.toNanos();
        try (KafkaConsumer<String, String> consumer = consumer(bootstrap)) {
            TopicPartition partition = new TopicPartition(Topics.DEAD_LETTERS, 0);
            consumer.assign(List.of(partition));
            consumer.seek(partition, from);
            while (!dead.keySet().containsAll(keys) && System.nanoTime() < deadline) {
                consumer.poll(POLL).forEach(r -> dead.put(r.key(), r));
            }
        }
        return dead;
    }

    /** The dead letter of one poison: from its topic, with its reason and (cut or whole) its value. */
    private static void assertDeadLetter(ConsumerRecord<String, String> letter, Poison poison) {
        assertThat(header(letter, DeadLetters.TOPIC)).isEqualTo(poison.topic());
        assertThat(header(letter, DeadLetters.REASON)).as("reason of " + poison.key())
                .contains(poison.reasons()).hasSizeLessThan(MessageLimits.MAX_REASON_CHARS + 50);
        String value = poison.value() == null ? null : new String(poison.value(), StandardCharsets.UTF_8);
        if (poison.truncated()) {
            assertThat(header(letter, DeadLetters.TRUNCATED)).isEqualTo("value");
            assertThat(header(letter, DeadLetters.ORIGINAL_SIZE)).isEqualTo(String.valueOf(poison.value().length));
            assertThat(value).startsWith(letter.value());
        } else {
            assertThat(letter.headers().lastHeader(DeadLetters.TRUNCATED)).isNull();
            assertThat(letter.value()).as("the dead letter carries the poison as read").isEqualTo(value);
        }
    }

    private static int partitions(String topic) {
        return Topics.SPECS.stream().filter(spec -> spec.name().equals(topic)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no topic " + topic)).partitions();
    }

    /** The dead-letter topic's end: dead letters of a probe come after it. */
    public static long endOffset(String bootstrap, String topic) {
        try (KafkaConsumer<String, String> consumer = consumer(bootstrap)) {
            TopicPartition partition = new TopicPartition(topic, 0);
            return consumer.endOffsets(List.of(partition)).get(partition);
        }
    }

    private static RecordMetadata send(KafkaProducer<String, byte[]> producer, Poison message) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(message.topic(), message.key(), message.value());
        message.headers().forEach((name, value) -> record.headers().add(new RecordHeader(name,
                value.getBytes(StandardCharsets.UTF_8))));
        return send(producer, record);
    }

    private static RecordMetadata send(KafkaProducer<String, byte[]> producer, ProducerRecord<String, byte[]> record) {
        try {
            return producer.send(record).get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot send to " + record.topic(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static KafkaProducer<String, byte[]> producer(String bootstrap) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, String.valueOf(MessageLimits.MAX_MESSAGE_BYTES));
        p.put(ProducerConfig.LINGER_MS_CONFIG, "0");
        return new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
    }

    private static KafkaConsumer<String, String> consumer(String bootstrap) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        return new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer());
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        var header = record.headers().lastHeader(name);
        assertThat(header).as(name + " of the dead letter " + record.key()).isNotNull();
        return new String(header.value(), StandardCharsets.UTF_8);
    }

    private static ObjectNode tree(String json) {
        try {
            return (ObjectNode) EventJson.mapper().readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
