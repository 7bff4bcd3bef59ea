package io.vixlab.ingest.persistence;

import io.vixlab.contracts.market.MarketBar;
import io.vixlab.ingest.run.BarStore;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The domain's {@link BarStore} over {@link BarEntity}, for one run: the bars it writes remember the run.
 * A bar it replaces is kept as a {@link BarHistoryEntity}. Callers hold the transaction, so a run's reads, its upsert and its run record commit together or not at all.
 */
public final class PanacheBarStore implements BarStore {

    private final String runId;

    public PanacheBarStore(String runId) {
        this.runId = runId;
    }

    @Override
    public List<MarketBar> findBySymbol(String symbol) {
        return entitiesOf(symbol).stream().map(BarEntity::toBar).toList();
    }

    @Override
    public void upsertAll(Collection<MarketBar> bars) {
        bars.stream().collect(Collectors.groupingBy(MarketBar::symbol)).forEach((symbol, ofSymbol) -> {
            Map<LocalDate, BarEntity> stored = entitiesOf(symbol).stream()
                    .collect(Collectors.toMap(entity -> entity.date, Function.identity()));
            for (MarketBar bar : ofSymbol) {
                BarEntity entity = stored.get(bar.date());
                if (entity == null) {
                    entity = new BarEntity();
                    entity.write(bar, runId);
                    entity.persist();
                } else {
                    BarHistoryEntity.of(entity, runId, bar.ingestedAt()).persist();
                    entity.write(bar, runId);
                }
            }
        });
    }

    private static List<BarEntity> entitiesOf(String symbol) {
        return BarEntity.list("symbol", symbol);
    }
}
