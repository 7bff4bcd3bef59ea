package io.vixlab.ingest.persistence;

import io.quarkus.panache.common.Sort;
import io.vixlab.contracts.market.MarketBar;
import io.vixlab.ingest.run.RepairableBarStore;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The domain's {@link RepairableBarStore} over {@link BarEntity}, for one run: the bars it writes remember the run.
 * A bar it replaces is kept as a {@link BarHistoryEntity}. Callers hold the transaction, so a run's reads, its upsert and its run record commit together or not at all.
 */
public final class PanacheBarStore implements RepairableBarStore {

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

    @Override
    public List<MarketBar> deleteRange(String symbol, LocalDate from, LocalDate to, Instant deletedAt) {
        List<BarEntity> doomed = BarEntity.list("symbol = ?1 and date >= ?2 and date <= ?3", Sort.by("date"), symbol, from, to);
        List<MarketBar> deleted = new ArrayList<>();
        for (BarEntity entity : doomed) {
            BarHistoryEntity.of(entity, runId, deletedAt).persist();
            deleted.add(entity.toBar());
            entity.delete();
        }
        return deleted;
    }

    @Override
    public List<MarketBar> restoreRange(String symbol, LocalDate from, LocalDate to, Instant restoredAt) {
        List<BarHistoryEntity> versions = BarHistoryEntity.list("symbol = ?1 and date >= ?2 and date <= ?3",
                Sort.by("date").and("replacedAt", Sort.Direction.Descending).and("id", Sort.Direction.Descending),
                symbol, from, to);
        Map<LocalDate, BarHistoryEntity> lastReplaced = new LinkedHashMap<>();
        versions.forEach(version -> lastReplaced.putIfAbsent(version.date, version));
        List<MarketBar> restored = new ArrayList<>();
        for (BarHistoryEntity version : lastReplaced.values()) {
            MarketBar bar = MarketBar.of(symbol, version.date, version.open, version.high, version.low, version.close,
                    version.source, restoredAt);
            Optional<BarEntity> current = BarEntity.find("symbol = ?1 and date = ?2", symbol, version.date).firstResultOptional();
            if (current.isPresent()) {
                BarHistoryEntity.of(current.get(), runId, restoredAt).persist();
                current.get().write(bar, runId);
            } else {
                BarEntity entity = new BarEntity();
                entity.write(bar, runId);
                entity.persist();
            }
            restored.add(bar);
        }
        return restored;
    }

    private static List<BarEntity> entitiesOf(String symbol) {
        return BarEntity.list("symbol", symbol);
    }
}
