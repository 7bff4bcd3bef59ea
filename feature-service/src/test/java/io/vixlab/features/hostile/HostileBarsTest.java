package io.vixlab.features.hostile;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vixlab.contracts.EventJson;
import io.vixlab.contracts.Topics;
import io.vixlab.contracts.market.MarketBar;
import io.vixlab.features.persistence.BarStore;
import io.vixlab.testing.KafkaTestResource;
import io.vixlab.testing.TopicReader;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hostile but well-formed bars sent by hand on {@code market.bars}, one probe per kind: each goes to the dead
 * letters with a reason naming the problem, is not stored, the service stays healthy, and a good bar sent right
 * after is stored (the consumer goes on). Bars of the test symbol VIX9D keep this apart from the dataset tests.
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
class HostileBarsTest {

    private static final Instant INGESTED = Instant.parse("2026-11-25T12:00:00Z");
    private static final AtomicInteger GOOD_DAY = new AtomicInteger();

    @Inject
    BarStore bars;

    static Stream<Arguments> hostileBars() {
        return Stream.of(
                arguments("symbol FOO", "FOO:2024-05-02", bar("FOO", "2024-05-02", 13.9, 14.6, 13.7, 14.2),
                        "symbol FOO is not accepted; accepted are VIX, VVIX, VIX9D"),
                arguments("date in 2099", "VIX:2099-01-05", bar("VIX", "2099-01-05", 13.9, 14.6, 13.7, 14.2),
                        "2099-01-05 is after today"),
                arguments("date before VIX's first published day", "VIX:1989-12-29", bar("VIX", "1989-12-29", 13.9, 14.6, 13.7, 14.2),
                        "1989-12-29 is before VIX's first published day 1990-01-02"),
                arguments("VIX without open, high and low", "VIX:2024-05-03", bar("VIX", "2024-05-03", null, null, null, 14.2),
                        "VIX bars need open, high and low besides the close"),
                arguments("close of 1e300", "VIX:2024-05-06", bar("VIX", "2024-05-06", 13.9, 1e300, 13.7, 1e300),
                        "1.0E300 is above VIX's plausible maximum of 1000.0"),
                arguments("tombstone whose key is not a bar key", "not-a-bar-key", null,
                        "'not-a-bar-key' is not a bar key SYMBOL:yyyy-mm-dd"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileBars")
    void hostileBar(String kind, String key, String value, String reason) {
        String bootstrap = KafkaTestResource.bootstrapServers();
        List<MarketBar> before = bars.ofSymbols(List.of("FOO", "VIX"));

        TopicReader.send(bootstrap, Topics.MARKET_BARS, key, value);

        List<ConsumerRecord<String, String>> dead = TopicReader.await(bootstrap, Topics.DEAD_LETTERS,
                record -> key.equals(record.key()), 1, Duration.ofSeconds(60));
        assertThat(dead).hasSize(1);
        assertThat(new String(dead.get(0).headers().lastHeader("dead-letter-reason").value(), StandardCharsets.UTF_8))
                .contains(reason);
        assertThat(bars.ofSymbols(List.of("FOO", "VIX"))).isEqualTo(before);
        given().when().get("/q/health").then().statusCode(200).body("status", equalTo("UP"));
        MarketBar good = MarketBar.of("VIX9D", LocalDate.of(2023, 1, 2).plusDays(GOOD_DAY.getAndIncrement()),
                13.9, 14.6, 13.7, 14.2, "test", INGESTED);
        TopicReader.send(bootstrap, Topics.MARKET_BARS, good.key(), EventJson.write(good));
        await().atMost(Duration.ofSeconds(60)).until(() -> bars.ofSymbols(List.of("VIX9D")).contains(good));
    }

    private static String bar(String symbol, String date, Double open, Double high, Double low, double close) {
        return EventJson.write(MarketBar.of(symbol, LocalDate.parse(date), open, high, low, close, "hand-made", INGESTED));
    }
}
