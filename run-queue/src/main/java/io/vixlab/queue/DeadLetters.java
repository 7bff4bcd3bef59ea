package io.vixlab.queue;

import io.vixlab.contracts.MessageLimits;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts poison on the dead-letter topic as it was delivered (key, value as read, headers), with why
 * and where from in headers: {@value #REASON} (capped, {@link MessageLimits#capped}),
 * {@value #TOPIC}, {@value #PARTITION}, {@value #OFFSET}. Used by the run queue and, through
 * service-kit's failure strategy, by every consumed channel of the services.
 *
 * <p>A dead letter always fits: the poison may be as large as the broker takes
 * ({@link MessageLimits#MAX_MESSAGE_BYTES}), and the headers added here would make it larger. Then
 * the value is cut to what fits (whole characters), and so are the original headers and, for a
 * key that alone is too large, the key; {@value #TRUNCATED} says what was cut and
 * {@value #ORIGINAL_SIZE} the value's size in bytes. Sending waits out a slow or absent broker: a
 * consumer never drops poison, nor stops on it.
 */
public final class DeadLetters implements AutoCloseable {

    public static final String REASON = "dead-letter-reason";
    public static final String TOPIC = "dead-letter-topic";
    public static final String PARTITION = "dead-letter-partition";
    public static final String OFFSET = "dead-letter-offset";
    /** What was cut to fit, of {@code key}, {@code headers}, {@code value}; absent when nothing was. */
    public static final String TRUNCATED = "dead-letter-truncated";
    /** The original value's size in UTF-8 bytes, on a truncated dead letter. */
    public static final String ORIGINAL_SIZE = "dead-letter-original-size";

    /**
     * What a record costs beyond its key, value and header bytes, with room to spare: Kafka's batch
     * header (61 bytes), the record's varints, two varints per header, and the truncation headers.
     */
    static final int OVERHEAD_BYTES = 1024;
    /** The least a dead letter is cut to when the broker refuses even the agreed limit. */
    private static final int SMALLEST_LIMIT_BYTES = 16 * 1024;

    private static final Logger LOG = LoggerFactory.getLogger(DeadLetters.class);

    private final KafkaProducer<String, String> producer;
    private final String topic;
    private final String name;

    /**
     * @param clientProps the connection (bootstrap servers, security); the rest is set here
     * @param name        for logs and the producer's client id
     * @param topic       where dead letters go, {@code vixlab.dead-letters}
     */
    public DeadLetters(Properties clientProps, String name, String topic) {
        Properties props = new Properties();
        props.putAll(clientProps);
        props.put(ProducerConfig.CLIENT_ID_CONFIG, name + "-dead-letters");
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, String.valueOf(MessageLimits.MAX_MESSAGE_BYTES));
        this.producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
        this.topic = topic;
        this.name = name;
    }

    /**
     * Sends until the broker has it, however long it is away; false when {@code stopping} turned
     * true first (the poison is then not acknowledged, and met again by whoever reads it next).
     */
    public boolean send(ConsumerRecord<String, String> poison, String reason, BooleanSupplier stopping) {
        int limit = MessageLimits.MAX_MESSAGE_BYTES;
        while (!stopping.getAsBoolean()) {
            try {
                producer.send(deadLetter(topic, poison, reason, limit)).get();
                LOG.warn("{}: {} from {}-{}@{} dead-lettered: {}", name, MessageLimits.capped(poison.key()), poison.topic(),
                        poison.partition(), poison.offset(), MessageLimits.capped(reason));
                return true;
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RecordTooLargeException && limit > SMALLEST_LIMIT_BYTES) {
                    // A broker or topic set below the agreed limit: cut more rather than never get through.
                    limit = Math.max(SMALLEST_LIMIT_BYTES, limit / 2);
                }
                LOG.warn("{}: dead-lettering {} from {} failed, trying again: {}", name, MessageLimits.capped(poison.key()),
                        poison.topic(),
                        e.getCause().toString());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }

    /** The dead letter of {@code poison}, at most {@code limitBytes} as the producer counts it. */
    static ProducerRecord<String, String> deadLetter(String topic, ConsumerRecord<String, String> poison,
            String reason, int limitBytes) {
        List<Header> headers = new ArrayList<>();
        headers.add(header(REASON, MessageLimits.capped(reason)));
        headers.add(header(TOPIC, poison.topic()));
        headers.add(header(PARTITION, String.valueOf(poison.partition())));
        headers.add(header(OFFSET, String.valueOf(poison.offset())));
        Room room = new Room(limitBytes - OVERHEAD_BYTES - headers.stream().mapToInt(DeadLetters::sizeOf).sum());

        String key = room.take(poison.key());
        List<Header> kept = new ArrayList<>();
        for (Header original : poison.headers()) {
            if (room.fits(sizeOf(original))) {
                kept.add(original);
            }
        }
        String value = room.take(poison.value());
        List<String> cut = new ArrayList<>();
        if (key != null && key.length() < poison.key().length()) {
            cut.add("key");
        }
        if (kept.size() < poison.headers().toArray().length) {
            cut.add("headers");
        }
        if (value != null && value.length() < poison.value().length()) {
            cut.add("value");
        }
        headers.addAll(kept);
        if (!cut.isEmpty()) {
            headers.add(header(TRUNCATED, String.join(",", cut)));
            headers.add(header(ORIGINAL_SIZE, String.valueOf(utf8Length(poison.value()))));
        }
        return new ProducerRecord<>(topic, null, key, value, headers);
    }

    /** What is left of a dead letter's bytes; each part takes what it needs, or what is left. */
    private static final class Room {

        private int left;

        Room(int bytes) {
            this.left = Math.max(0, bytes);
        }

        boolean fits(int bytes) {
            if (bytes > left) {
                return false;
            }
            left -= bytes;
            return true;
        }

        /** The longest prefix of {@code text} (whole characters) whose UTF-8 fits. */
        String take(String text) {
            if (text == null) {
                return null;
            }
            // As the producer's StringSerializer encodes: a lone surrogate becomes '?'.
            CharsetEncoder encoder = StandardCharsets.UTF_8.newEncoder()
                    .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE);
            ByteBuffer out = ByteBuffer.allocate((int) Math.min(left, 3L * text.length()));
            CharBuffer in = CharBuffer.wrap(text);
            encoder.encode(in, out, true);
            left -= out.position();
            return in.hasRemaining() ? text.substring(0, in.position()) : text;
        }
    }

    private static int sizeOf(Header header) {
        return header.key().getBytes(StandardCharsets.UTF_8).length + (header.value() == null ? 0 : header.value().length);
    }

    private static long utf8Length(String text) {
        return text == null ? 0 : text.getBytes(StandardCharsets.UTF_8).length;
    }

    private static Header header(String key, String value) {
        return new RecordHeader(key, value.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
