package io.vixlab.features.messaging.in;

import io.smallrye.common.annotation.Blocking;
import io.vixlab.contracts.EventSchemas;
import io.vixlab.contracts.market.MarketBar;
import io.vixlab.contracts.market.MarketSymbol;
import io.vixlab.features.config.FeatureConfig;
import io.vixlab.features.persistence.BarStore;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Keeps this service's copy of {@code market.bars}: a bar is stored, a tombstone (a key without value: an operator
 * deleted the bar at data-ingest) removes the copy's bar. A message that breaks the schema, or a bar that is
 * well-formed but impossible ({@link MarketSymbol#problemWith}: a symbol not accepted, a date after today or
 * before the symbol's first published day, VIX without open, high and low) throws, which sends it to the
 * dead-letter topic with the reason; the consumer goes on with the next.
 */
@ApplicationScoped
public class MarketBarsConsumer {

    private final BarStore bars;
    private final KafkaBarsReadPosition position;
    private final List<String> symbols;
    private final Clock clock;

    public MarketBarsConsumer(BarStore bars, KafkaBarsReadPosition position, FeatureConfig config, Clock clock) {
        this.bars = bars;
        this.position = position;
        this.symbols = List.copyOf(config.symbols());
        this.clock = clock;
    }

    @Incoming(KafkaBarsReadPosition.CHANNEL)
    @Blocking
    public void consume(ConsumerRecord<String, String> record) {
        try {
            if (record.value() == null) {
                MarketBar.Key key = MarketBar.Key.parse(record.key());
                bars.delete(key.symbol(), key.date());
                return;
            }
            MarketBar bar = EventSchemas.parse(record.value(), MarketBar.class);
            MarketSymbol.problemWith(bar, symbols, LocalDate.now(clock)).ifPresent(problem -> {
                throw new IllegalArgumentException("MarketBar " + bar.key() + " refused: " + problem);
            });
            bars.upsert(bar);
        } finally {
            position.handled(record.topic(), record.partition(), record.offset());
        }
    }
}
