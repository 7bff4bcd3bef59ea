package io.vixlab.ingest.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A bar as it was before a run replaced or deleted it ({@link BarValues#runId} is the run that had written it):
 * the stored history is never overwritten without a trace, so a rewrite can be looked up and undone.
 */
@Entity
@Table(name = "bar_history", indexes = @Index(name = "bar_history_symbol_date", columnList = "symbol, bar_date"))
public class BarHistoryEntity extends BarValues {

    /** The run that replaced or deleted it, and when. */
    @Column(nullable = false, length = 64)
    public String replacedBy;

    @Column(nullable = false)
    public Instant replacedAt;

    static BarHistoryEntity of(BarEntity replaced, String replacedBy, Instant replacedAt) {
        BarHistoryEntity version = new BarHistoryEntity();
        version.copy(replaced);
        version.replacedBy = replacedBy;
        version.replacedAt = replacedAt;
        return version;
    }
}
