package io.vixlab.features.messaging;

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
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Keeps this service's copy of {@code market.bars}. A message that breaks the schema, or a bar that is
 * well-formed but impossible ({@link MarketSymbol#problemWith}: a symbol not accepted, a date after today or
 * before the symbol's first published day, VIX without open, high and low) throws, which sends it to the
 * dead-letter topic with the reason; the consumer goes on with the next.
 */
@ApplicationScoped
public class MarketBarsConsumer {

    private final BarStore bars;
    private final List<String> symbols;
    private final Clock clock;

    public MarketBarsConsumer(BarStore bars, FeatureConfig config, Clock clock) {
        this.bars = bars;
        this.symbols = List.copyOf(config.symbols());
        this.clock = clock;
    }

    @Incoming("market-bars")
    @Blocking
    public void consume(String json) {
        MarketBar bar = EventSchemas.parse(json, MarketBar.class);
        MarketSymbol.problemWith(bar, symbols, LocalDate.now(clock)).ifPresent(problem -> {
            throw new IllegalArgumentException("MarketBar " + bar.key() + " refused: " + problem);
        });
        bars.upsert(bar);
    }
}
