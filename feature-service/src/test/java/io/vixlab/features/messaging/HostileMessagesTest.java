package io.vixlab.features.messaging;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vixlab.contracts.EventJson;
import io.vixlab.contracts.Topics;
import io.vixlab.contracts.market.MarketBar;
import io.vixlab.contracts.market.MarketUpdate;
import io.vixlab.features.persistence.BarStore;
import io.vixlab.testing.HostileMessages;
import io.vixlab.testing.HostileMessages.Probe;
import io.vixlab.testing.HostileMessages.Target;
import io.vixlab.testing.KafkaTestResource;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The poison catalogue ({@link HostileMessages}) on both topics this service consumes, all kinds sent at
 * once: each is dead-lettered with its reason and nothing of it is stored; the channels take the good bars
 * and updates sent after it, and the service stays healthy. A symbol of its own keeps the bars apart from
 * the other tests' (VIX, VVIX, VIX9D).
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
class HostileMessagesTest {

    private static final String SYMBOL = "VIX1D";
    private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
    private static final AtomicInteger DAYS = new AtomicInteger();
    /** The bar each key's event is (or was derived from). */
    private static final Map<String, MarketBar> BARS = new ConcurrentHashMap<>();

    private static final List<Target> TARGETS = List.of(
            new Target(Topics.MARKET_BARS, HostileMessagesTest::bar, HostileMessages.committedBy("feature-service"),
                    "date", null, false),
            new Target(Topics.MARKET_UPDATES, HostileMessagesTest::update,
                    HostileMessages.committedBy("feature-service"), "runId", "status", true));

    private static HostileMessages.Batch poison;

    @Inject
    BarStore bars;

    @BeforeAll
    static void sendAllPoison() {
        poison = HostileMessages.sendAll(TARGETS);
    }

    static Stream<Probe> probes() {
        return HostileMessages.probesFor(TARGETS).stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("probes")
    void poisonIsDeadLetteredAndNothingOfItIsStored(Probe probe) {
        List<HostileMessages.Poison> sent = poison.deadLettered(probe);

        List<MarketBar> stored = bars.ofSymbols(List.of(SYMBOL));
        sent.stream().map(p -> BARS.get(p.key())).filter(Objects::nonNull)
                .forEach(bar -> assertThat(stored).as("poison bar stored").doesNotContain(bar));
    }

    @Test
    void theChannelsTakeTheGoodMessagesAfterThePoisonAndTheServiceStaysHealthy() {
        List<MarketBar> goodBars = poison.goodKeys().stream().map(BARS::get).filter(Objects::nonNull).toList();

        assertThat(goodBars).isNotEmpty();
        assertThat(bars.ofSymbols(List.of(SYMBOL))).as("good bars stored").containsAll(goodBars);
        given().when().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        given().when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }

    private static String bar(String key) {
        MarketBar bar = MarketBar.of(SYMBOL, LocalDate.of(2010, 1, 4).plusDays(DAYS.getAndIncrement()), 13.9, 14.6,
                13.7, 14.2, "test", NOW);
        BARS.put(key, bar);
        return EventJson.write(bar);
    }

    /** A failed run: consumed, and no rebuild. */
    private static String update(String key) {
        return EventJson.write(new MarketUpdate(MarketUpdate.SCHEMA_VERSION, key, MarketUpdate.Status.FAILED, "test",
                List.of(), "0".repeat(64), "a hostile probe's good update", NOW, NOW));
    }
}
