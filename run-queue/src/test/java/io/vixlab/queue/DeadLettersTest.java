package io.vixlab.queue;

import static org.assertj.core.api.Assertions.assertThat;

import io.vixlab.contracts.MessageLimits;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.common.record.internal.AbstractRecords;
import org.apache.kafka.common.record.internal.CompressionType;
import org.junit.jupiter.api.Test;

/** A dead letter always fits under the agreed limit, and says what it had to cut. */
class DeadLettersTest {

    private static final int LIMIT = MessageLimits.MAX_MESSAGE_BYTES;

    @Test
    void poisonThatFitsIsDeadLetteredWholeWithWhyAndWhereFrom() {
        ConsumerRecord<String, String> poison = poison("trial-1", "not json", new RecordHeader("trace", new byte[] {1}));
        ProducerRecord<String, String> dead = DeadLetters.deadLetter("dead", poison, "not JSON", LIMIT);
        assertThat(dead.topic()).isEqualTo("dead");
        assertThat(dead.key()).isEqualTo("trial-1");
        assertThat(dead.value()).isEqualTo("not json");
        assertThat(header(dead, DeadLetters.REASON)).isEqualTo("not JSON");
        assertThat(header(dead, DeadLetters.TOPIC)).isEqualTo("tuning.trials");
        assertThat(header(dead, DeadLetters.PARTITION)).isEqualTo("0");
        assertThat(header(dead, DeadLetters.OFFSET)).isEqualTo("42");
        assertThat(dead.headers().lastHeader("trace").value()).containsExactly(1);
        assertThat(dead.headers().lastHeader(DeadLetters.TRUNCATED)).isNull();
    }

    @Test
    void aValueAsLargeAsTheBrokerTakesIsCutToWholeCharactersThatFit() {
        // 3 bytes a character: a cut inside one would break the UTF-8.
        String value = "€".repeat(LIMIT / 3);
        ProducerRecord<String, String> dead = DeadLetters.deadLetter("dead", poison("k", value), "x".repeat(10_000), LIMIT);
        assertThat(sizeOf(dead)).isLessThanOrEqualTo(LIMIT);
        assertThat(value).startsWith(dead.value());
        assertThat(dead.value().length()).isGreaterThan(LIMIT / 3 - 2_000);
        assertThat(dead.key()).isEqualTo("k");
        assertThat(header(dead, DeadLetters.TRUNCATED)).isEqualTo("value");
        assertThat(header(dead, DeadLetters.ORIGINAL_SIZE)).isEqualTo(String.valueOf(3 * (LIMIT / 3)));
        assertThat(header(dead, DeadLetters.REASON)).hasSizeLessThan(MessageLimits.MAX_REASON_CHARS + 50);
    }

    @Test
    void aKeyOrHeadersTooLargeAreCutTooAndTheLetterStillFits() {
        ConsumerRecord<String, String> poison = poison("k".repeat(LIMIT), "value",
                new RecordHeader("big", new byte[LIMIT / 2]));
        ProducerRecord<String, String> dead = DeadLetters.deadLetter("dead", poison, "reason", LIMIT);
        assertThat(sizeOf(dead)).isLessThanOrEqualTo(LIMIT);
        assertThat(dead.key()).startsWith("kkk").hasSizeLessThan(LIMIT);
        assertThat(dead.value()).isEmpty();
        assertThat(dead.headers().lastHeader("big")).isNull();
        assertThat(header(dead, DeadLetters.TRUNCATED)).isEqualTo("key,headers,value");
        assertThat(header(dead, DeadLetters.ORIGINAL_SIZE)).isEqualTo("5");
    }

    @Test
    void aTombstoneStaysATombstone() {
        ProducerRecord<String, String> dead = DeadLetters.deadLetter("dead", poison(null, null), "no value", LIMIT);
        assertThat(dead.key()).isNull();
        assertThat(dead.value()).isNull();
        assertThat(dead.headers().lastHeader(DeadLetters.TRUNCATED)).isNull();
    }

    private static ConsumerRecord<String, String> poison(String key, String value, Header... headers) {
        return new ConsumerRecord<>("tuning.trials", 0, 42, 0L, TimestampType.CREATE_TIME, -1, -1, key, value,
                new RecordHeaders(headers), Optional.empty());
    }

    /** The size the producer checks against max.request.size (an upper bound of the batch). */
    private static int sizeOf(ProducerRecord<String, String> record) {
        return AbstractRecords.estimateSizeInBytesUpperBound((byte) 2, CompressionType.NONE, bytes(record.key()),
                bytes(record.value()), record.headers().toArray());
    }

    private static byte[] bytes(String text) {
        return text == null ? null : text.getBytes(StandardCharsets.UTF_8);
    }

    private static String header(ProducerRecord<String, String> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
