package io.vixlab.ingest.persistence;

import io.vixlab.contracts.market.MarketBar;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;

/** One daily bar of one symbol: a row per (symbol, date). */
@Entity
@Table(name = "bar", uniqueConstraints = @UniqueConstraint(name = "bar_symbol_date", columnNames = {"symbol", "bar_date"}))
public class BarEntity extends BarValues {

    /** Takes the bar's values and the run that wrote them. */
    void write(MarketBar bar, String writtenBy) {
        BarMapper.MAPPER.write(bar, writtenBy, this);
    }
}
