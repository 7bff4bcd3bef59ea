package io.vixlab.features.messaging.in;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

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
import org.junit.jupiter.api.Test;

/** Bars from {@code market.bars} land in the store, tombstones delete them; a poison message goes to the dead letters. A symbol of its own keeps this apart from the VIX and VVIX tests. */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
class MarketBarsConsumerTest {

    private static final String SYMBOL = "VIX9D";

    @Inject
    BarStore bars;

    @Test
    void poisonBarGoesToTheDeadLetterTopicWithItsReasonAndTheNextBarIsStored() {
        String bootstrap = KafkaTestResource.bootstrapServers();
        MarketBar next = MarketBar.of(SYMBOL, LocalDate.of(2024, 5, 2), 13.9, 14.6, 13.7, 14.2, "test",
                Instant.parse("2026-11-25T12:00:00Z"));
        TopicReader.send(bootstrap, Topics.MARKET_BARS, SYMBOL + ":poison", "{\"schemaVersion\":1,\"symbol\":\"" + SYMBOL + "\"}");
        TopicReader.send(bootstrap, Topics.MARKET_BARS, next.key(), EventJson.write(next));

        var dead = TopicReader.await(bootstrap, Topics.DEAD_LETTERS, r -> (SYMBOL + ":poison").equals(r.key()), 1,
                Duration.ofSeconds(60));
        assertThat(dead).hasSize(1);
        String reason = new String(dead.get(0).headers().lastHeader("dead-letter-reason").value(), StandardCharsets.UTF_8);
        assertThat(reason).contains("MarketBar breaks its schema").contains("date").contains("close");
        await().atMost(Duration.ofSeconds(60)).until(() -> bars.ofSymbols(List.of(SYMBOL)).contains(next));
    }

    @Test
    void tombstoneDeletesTheStoredBar() {
        String bootstrap = KafkaTestResource.bootstrapServers();
        MarketBar deleted = MarketBar.of(SYMBOL, LocalDate.of(2024, 6, 3), 12.1, 12.6, 11.9, 12.2, "test",
                Instant.parse("2026-11-25T12:00:00Z"));
        TopicReader.send(bootstrap, Topics.MARKET_BARS, deleted.key(), EventJson.write(deleted));
        await().atMost(Duration.ofSeconds(60)).until(() -> bars.ofSymbols(List.of(SYMBOL)).contains(deleted));

        TopicReader.send(bootstrap, Topics.MARKET_BARS, deleted.key(), null);

        await().atMost(Duration.ofSeconds(60)).until(() -> !bars.ofSymbols(List.of(SYMBOL)).contains(deleted));
    }
}
