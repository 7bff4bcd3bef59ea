package io.vixlab.ingest.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntity;
import io.vixlab.contracts.market.MarketBar;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import java.time.Instant;
import java.time.LocalDate;

/** One daily bar of one symbol: a row per (symbol, date). Open, high and low are null for close-only series. */
@Entity
@Table(name = "bar", uniqueConstraints = @UniqueConstraint(name = "bar_symbol_date", columnNames = {"symbol", "bar_date"}))
public class BarEntity extends PanacheEntity {

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

    /** The run that last wrote the bar, so a run whose events did not reach the broker can publish them later. */
    @Column(nullable = false, length = 64)
    public String runId;

    public MarketBar toBar() {
        return MarketBar.of(symbol, date, open, high, low, close, source, ingestedAt);
    }

    /** Takes the bar's values and the run that wrote them. */
    void write(MarketBar bar, String writtenBy) {
        symbol = bar.symbol();
        date = bar.date();
        open = bar.open();
        high = bar.high();
        low = bar.low();
        close = bar.close();
        source = bar.source();
        ingestedAt = bar.ingestedAt();
        runId = writtenBy;
    }
}
