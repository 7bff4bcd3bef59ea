package io.vixlab.ingest.run;

import io.vixlab.contracts.market.MarketBar;
import java.util.Collection;
import java.util.List;

/** The stored bars, one per (symbol, date); the Panache adapter implements it over the database. */
public interface BarStore {

    /** Every stored bar of a symbol, in any order. */
    List<MarketBar> findBySymbol(String symbol);

    /** Inserts or replaces the given bars, all or none. */
    void upsertAll(Collection<MarketBar> bars);
}
