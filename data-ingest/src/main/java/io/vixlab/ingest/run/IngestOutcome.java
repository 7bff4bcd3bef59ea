package io.vixlab.ingest.run;

import io.vixlab.contracts.market.MarketBar;
import io.vixlab.contracts.market.MarketUpdate;
import io.vixlab.ingest.IngestWarning;
import java.util.List;

/**
 * What a run did and what to publish: {@code changedBars} on {@code market.bars} (each new or changed bar,
 * none when the data was already stored), then {@code update} on {@code market.updates}.
 *
 * @param warnings what was accepted but is worth a look, e.g. excluded implausible rows
 */
public record IngestOutcome(MarketUpdate update, List<MarketBar> changedBars, List<IngestWarning> warnings) {

    public IngestOutcome {
        changedBars = List.copyOf(changedBars);
        warnings = List.copyOf(warnings);
    }

    public boolean succeeded() {
        return update.status() == MarketUpdate.Status.SUCCEEDED;
    }
}
