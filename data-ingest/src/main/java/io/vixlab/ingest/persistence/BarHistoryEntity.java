package io.vixlab.ingest.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntity;
import io.vixlab.contracts.market.MarketBar;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A bar as it was before a run replaced it: the stored history is never overwritten without a trace, so a
 * rewrite (e.g. a run with {@code replaceHistory}) can be looked up and undone.
 */
@Entity
@Table(name = "bar_history", indexes = @Index(name = "bar_history_symbol_date", columnList = "symbol, bar_date"))
public class BarHistoryEntity extends PanacheEntity {

    @Column(nullable = false, length = 16)
    public String symbol;

    @Column(name = "bar_date", nullable = false)
    public LocalDate date;

    public Double open;

    public Double high;

    public Double low;

    @Column(nullable = false)
    public double close;

    @Column(nullable = false, length = 1000)
    public String source;

    @Column(nullable = false)
    public Instant ingestedAt;

    /** The run that had written this version. */
    @Column(nullable = false, length = 64)
    public String runId;

    /** The run that replaced it, and when. */
    @Column(nullable = false, length = 64)
    public String replacedBy;

    @Column(nullable = false)
    public Instant replacedAt;

    static BarHistoryEntity of(BarEntity replaced, String replacedBy, Instant replacedAt) {
        BarHistoryEntity version = new BarHistoryEntity();
        version.symbol = replaced.symbol;
        version.date = replaced.date;
        version.open = replaced.open;
        version.high = replaced.high;
        version.low = replaced.low;
        version.close = replaced.close;
        version.source = replaced.source;
        version.ingestedAt = replaced.ingestedAt;
        version.runId = replaced.runId;
        version.replacedBy = replacedBy;
        version.replacedAt = replacedAt;
        return version;
    }

    public MarketBar toBar() {
        return MarketBar.of(symbol, date, open, high, low, close, source, ingestedAt);
    }
}
