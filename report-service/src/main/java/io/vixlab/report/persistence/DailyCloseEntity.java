package io.vixlab.report.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.vixlab.contracts.market.MarketBar;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A daily VIX or VVIX close from {@code market.bars}, one per symbol and date: the baselines are
 * fitted on and evaluated against the VIX closes of a study's dataset days, the days with both.
 */
@Entity
@Table(name = "daily_close_record",
        uniqueConstraints = @UniqueConstraint(name = "uk_daily_close_symbol_date", columnNames = {"symbol", "trade_date"}))
public class DailyCloseEntity extends PanacheEntityBase {

    @Id
    @GeneratedValue
    public Long id;

    @Column(name = "symbol", nullable = false, length = 20)
    public String symbol;

    @Column(name = "trade_date", nullable = false)
    public LocalDate date;

    @Column(name = "close_price", nullable = false)
    public double close;

    /** When the bar was ingested: a re-ingested bar (a correction) replaces an older one. */
    @Column(name = "ingested_at", nullable = false)
    public Instant ingestedAt;

    /** Takes the bar's day, close and ingestion time. */
    public void apply(MarketBar bar) {
        EventMapper.MAPPER.apply(bar, this);
    }
}
