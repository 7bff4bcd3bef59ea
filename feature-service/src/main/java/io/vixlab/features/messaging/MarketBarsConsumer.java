package io.vixlab.features.messaging;

import io.smallrye.common.annotation.Blocking;
import io.vixlab.contracts.EventSchemas;
import io.vixlab.contracts.market.MarketBar;
import io.vixlab.features.persistence.BarStore;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Keeps this service's copy of {@code market.bars}. A message that breaks the schema throws, which
 * sends it to the dead-letter topic with the reason; the consumer goes on with the next.
 */
@ApplicationScoped
public class MarketBarsConsumer {

    private final BarStore bars;

    public MarketBarsConsumer(BarStore bars) {
        this.bars = bars;
    }

    @Incoming("market-bars")
    @Blocking
    public void consume(String json) {
        bars.upsert(EventSchemas.parse(json, MarketBar.class));
    }
}
