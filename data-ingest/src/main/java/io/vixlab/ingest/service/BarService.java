package io.vixlab.ingest.service;

import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.vixlab.contracts.market.MarketBar;
import io.vixlab.ingest.persistence.BarEntity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** Reads stored bars. */
@ApplicationScoped
public class BarService {

    /**
     * A symbol's bars from {@code from} to {@code to} (both inclusive, either open), oldest first; empty when
     * nothing of the symbol is stored.
     */
    @Transactional
    public Optional<List<MarketBar>> range(String symbol, Optional<LocalDate> from, Optional<LocalDate> to) {
        if (BarEntity.count("symbol", symbol) == 0) {
            return Optional.empty();
        }
        StringBuilder query = new StringBuilder("symbol = :symbol");
        Parameters parameters = Parameters.with("symbol", symbol);
        from.ifPresent(date -> {
            query.append(" and date >= :from");
            parameters.and("from", date);
        });
        to.ifPresent(date -> {
            query.append(" and date <= :to");
            parameters.and("to", date);
        });
        return Optional.of(BarEntity.<BarEntity>list(query.toString(), Sort.by("date"), parameters).stream()
                .map(BarEntity::toBar).toList());
    }
}
