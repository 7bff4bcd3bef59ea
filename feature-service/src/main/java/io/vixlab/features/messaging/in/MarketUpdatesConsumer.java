package io.vixlab.features.messaging.in;

import io.smallrye.common.annotation.Blocking;
import io.vixlab.contracts.EventSchemas;
import io.vixlab.contracts.market.MarketUpdate;
import io.vixlab.features.service.RebuildScheduler;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Ingest runs from {@code market.updates}: one that changed data schedules a dataset rebuild. */
@ApplicationScoped
public class MarketUpdatesConsumer {

    private final RebuildScheduler scheduler;

    public MarketUpdatesConsumer(RebuildScheduler scheduler) {
        this.scheduler = scheduler;
    }

    @Incoming("market-updates")
    @Blocking
    public void consume(String json) {
        MarketUpdate update = EventSchemas.parse(json, MarketUpdate.class);
        if (update.changedData()) {
            scheduler.updateArrived(update);
        }
    }
}
