package io.vixlab.features;

import io.vixlab.contracts.EventJson;
import io.vixlab.contracts.Topics;
import io.vixlab.contracts.market.BarChecksum;
import io.vixlab.contracts.market.MarketBar;
import io.vixlab.contracts.market.MarketUpdate;
import io.vixlab.contracts.market.SymbolRange;
import io.vixlab.testing.KafkaTestResource;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/** Plays data-ingest on the test broker: bars on {@code market.bars}, run summaries on {@code market.updates}. */
public final class MarketFeed {

    private MarketFeed() {
    }

    /** Sends the bars, then the updates, through one producer, and waits until the broker has them all. */
    public static void publish(List<MarketBar> bars, List<MarketUpdate> updates) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaTestResource.bootstrapServers());
        p.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        try (var producer = new KafkaProducer<>(p, new StringSerializer(), new StringSerializer())) {
            bars.forEach(bar -> producer.send(new ProducerRecord<>(Topics.MARKET_BARS, bar.key(), EventJson.write(bar))));
            updates.forEach(update -> producer.send(new ProducerRecord<>(Topics.MARKET_UPDATES, update.runId(),
                    EventJson.write(update))));
            producer.flush();
        }
    }

    /**
     * The update data-ingest would publish after a run that changed {@code changed} and left its
     * store holding {@code stored}: per symbol the stored date range and row count, and the checksum
     * over everything stored.
     */
    public static MarketUpdate update(String runId, Collection<MarketBar> stored, Collection<MarketBar> changed) {
        Map<String, List<MarketBar>> bySymbol = stored.stream()
                .collect(Collectors.groupingBy(MarketBar::symbol, TreeMap::new, Collectors.toList()));
        Map<String, Long> changedBySymbol = changed.stream()
                .collect(Collectors.groupingBy(MarketBar::symbol, Collectors.counting()));
        List<SymbolRange> ranges = bySymbol.entrySet().stream().map(entry -> {
            List<LocalDate> dates = entry.getValue().stream().map(MarketBar::date).sorted(Comparator.naturalOrder()).toList();
            return new SymbolRange(entry.getKey(), dates.get(0), dates.get(dates.size() - 1), dates.size(),
                    changedBySymbol.getOrDefault(entry.getKey(), 0L).intValue(), 0);
        }).toList();
        Instant now = Instant.now();
        return new MarketUpdate(MarketUpdate.SCHEMA_VERSION, runId, MarketUpdate.Status.SUCCEEDED, "test", ranges,
                BarChecksum.of(stored), null, now, now);
    }
}
