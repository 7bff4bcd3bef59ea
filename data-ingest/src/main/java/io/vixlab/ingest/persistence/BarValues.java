package io.vixlab.ingest.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntity;
import io.vixlab.contracts.market.MarketBar;
import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;
import java.time.Instant;
import java.time.LocalDate;

/** The columns of a bar, shared by the stored bar and its earlier versions. Open, high and low are null for close-only series. */
@MappedSuperclass
public abstract class BarValues extends PanacheEntity {

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

    /** The run that wrote these values, so a run whose events did not reach the broker can publish them later. */
    @Column(nullable = false, length = 64)
    public String runId;

    public MarketBar toBar() {
        return BarMapper.MAPPER.toBar(this);
    }

    /** Takes the values of another version of the bar. */
    void copy(BarValues other) {
        BarMapper.MAPPER.copy(other, this);
    }
}
