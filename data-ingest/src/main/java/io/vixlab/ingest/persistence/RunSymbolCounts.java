package io.vixlab.ingest.persistence;

import io.vixlab.contracts.market.SymbolRange;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.LocalDate;

/** What a run saw of one symbol, as {@link SymbolRange} describes it. */
@Embeddable
public class RunSymbolCounts {

    @Column(nullable = false, length = 16)
    public String symbol;

    @Column(nullable = false)
    public LocalDate firstDate;

    @Column(nullable = false)
    public LocalDate lastDate;

    /** Valid days read ({@code rows} is a reserved word in SQL). */
    @Column(nullable = false)
    public int rowCount;

    @Column(nullable = false)
    public int changed;

    @Column(nullable = false)
    public int excluded;

    static RunSymbolCounts of(SymbolRange range) {
        RunSymbolCounts counts = new RunSymbolCounts();
        counts.symbol = range.symbol();
        counts.firstDate = range.firstDate();
        counts.lastDate = range.lastDate();
        counts.rowCount = range.rows();
        counts.changed = range.changed();
        counts.excluded = range.excluded();
        return counts;
    }

    SymbolRange toRange() {
        return new SymbolRange(symbol, firstDate, lastDate, rowCount, changed, excluded);
    }
}
