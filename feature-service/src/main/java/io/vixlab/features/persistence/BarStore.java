package io.vixlab.features.persistence;

import io.vixlab.contracts.market.BarChecksum;
import io.vixlab.contracts.market.MarketBar;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

/** The bars this service has received, the input of every dataset it builds. */
@ApplicationScoped
public class BarStore {

    /**
     * Stores a bar, or updates the stored one of its symbol and day when its prices differ and it is
     * not older. A redelivered or older bar changes nothing, so at-least-once delivery is harmless.
     *
     * @return whether the store changed
     */
    @Transactional
    public boolean upsert(MarketBar bar) {
        BarEntity stored = BarEntity.<BarEntity>find("symbol = ?1 and barDate = ?2", bar.symbol(), bar.date())
                .firstResult();
        if (stored == null) {
            BarEntity.of(bar).persist();
            return true;
        }
        if (stored.samePrices(bar) || bar.ingestedAt().isBefore(stored.ingestedAt)) {
            return false;
        }
        stored.apply(bar);
        return true;
    }

    /** Removes the bar of a symbol and day, if stored: data-ingest deleted it. */
    @Transactional
    public void delete(String symbol, LocalDate date) {
        BarEntity.delete("symbol = ?1 and barDate = ?2", symbol, date);
    }

    @Transactional
    public List<MarketBar> ofSymbols(Collection<String> symbols) {
        return BarEntity.<BarEntity>list("symbol in ?1 order by symbol, barDate", symbols).stream()
                .map(BarEntity::toBar)
                .toList();
    }

    /** The checksum data-ingest puts on its updates, over this copy of the symbols' bars. */
    public String checksum(Collection<String> symbols) {
        return BarChecksum.of(ofSymbols(symbols));
    }
}
