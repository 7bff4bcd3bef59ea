package io.vixlab.ingest.run;

import io.vixlab.contracts.market.MarketBar;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** A {@link BarStore} in a map, counting writes so tests can tell a no-op run from one that rewrote equal data. */
public final class InMemoryBarStore implements BarStore {

    private final Map<String, MarketBar> bars = new TreeMap<>();
    private int upsertCalls;

    @Override
    public List<MarketBar> findBySymbol(String symbol) {
        return bars.values().stream().filter(bar -> bar.symbol().equals(symbol)).toList();
    }

    @Override
    public void upsertAll(Collection<MarketBar> changed) {
        upsertCalls++;
        changed.forEach(bar -> bars.put(bar.key(), bar));
    }

    /** Every stored bar, ordered by key. */
    public List<MarketBar> all() {
        return List.copyOf(bars.values());
    }

    public int upsertCalls() {
        return upsertCalls;
    }
}
