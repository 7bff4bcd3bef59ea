package io.vixlab.features.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntity;
import io.vixlab.contracts.market.MarketBar;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/** This service's copy of one bar from {@code market.bars}: one row per symbol and day. */
@Entity
@Table(name = "stored_bar", uniqueConstraints = @UniqueConstraint(name = "stored_bar_symbol_day",
        columnNames = {"symbol", "bar_date"}))
public class BarEntity extends PanacheEntity {

    @Column(nullable = false, length = 20)
    public String symbol;

    @Column(name = "bar_date", nullable = false)
    public LocalDate barDate;

    @Column(name = "open_price")
    public Double open;

    @Column(name = "high_price")
    public Double high;

    @Column(name = "low_price")
    public Double low;

    @Column(name = "close_price", nullable = false)
    public double close;

    @Column(nullable = false, length = 200)
    public String source;

    @Column(nullable = false)
    public Instant ingestedAt;

    static BarEntity of(MarketBar bar) {
        return BarMapper.MAPPER.toEntity(bar);
    }

    void apply(MarketBar bar) {
        BarMapper.MAPPER.apply(bar, this);
    }

    boolean samePrices(MarketBar bar) {
        return Objects.equals(open, bar.open()) && Objects.equals(high, bar.high()) && Objects.equals(low, bar.low())
                && Double.compare(close, bar.close()) == 0;
    }

    public MarketBar toBar() {
        return BarMapper.MAPPER.toBar(this);
    }
}
