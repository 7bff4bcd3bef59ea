package io.vixlab.ingest.run;

import io.vixlab.contracts.market.MarketBar;
import io.vixlab.contracts.market.MarketUpdate;
import io.vixlab.ingest.IngestWarning;
import java.util.List;

/**
 * What a run did and what to publish: {@code changedBars} on {@code market.bars} (each new or changed bar,
 * none when the data was already stored) and a tombstone for each of {@code deletedKeys}, then {@code update}
 * on {@code market.updates}.
 *
 * @param deletedKeys the {@link MarketBar#key()} of each bar an operator deleted
 * @param warnings    what was accepted but is worth a look, e.g. excluded implausible rows
 */
public record IngestOutcome(MarketUpdate update, List<MarketBar> changedBars, List<String> deletedKeys,
        List<IngestWarning> warnings) {

    public IngestOutcome {
        changedBars = List.copyOf(changedBars);
        deletedKeys = List.copyOf(deletedKeys);
        warnings = List.copyOf(warnings);
    }

    /** An ingest's outcome: it deletes nothing. */
    public IngestOutcome(MarketUpdate update, List<MarketBar> changedBars, List<IngestWarning> warnings) {
        this(update, changedBars, List.of(), warnings);
    }

    public boolean succeeded() {
        return update.status() == MarketUpdate.Status.SUCCEEDED;
    }
}
