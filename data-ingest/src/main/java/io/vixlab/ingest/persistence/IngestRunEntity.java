package io.vixlab.ingest.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.vixlab.contracts.market.MarketUpdate;
import io.vixlab.ingest.IngestWarning;
import io.vixlab.ingest.run.IngestOutcome;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Lob;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One ingest run: what it did ({@link #status}, counts per symbol, checksum, error, warnings) and whether its
 * events are on the broker ({@link #publication}). It is stored in the transaction that stores the run's bars.
 */
@Entity
@Table(name = "ingest_run")
public class IngestRunEntity extends PanacheEntityBase {

    /** Whether a run's events ({@code market.bars}, then {@code market.updates}) have reached the broker. */
    public enum Publication {
        /** Stored; its events are still to be sent (the state a crash between commit and publishing leaves). */
        PENDING,
        /** Every event acknowledged by the broker. */
        PUBLISHED,
        /** Publishing failed after the commit; the next run publishes the events before it starts. */
        FAILED,
        /** A run that changed nothing: there is nothing to publish. */
        NONE
    }

    @Id
    @Column(length = 64)
    public String id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public MarketUpdate.Status status;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public Publication publication;

    @Column(nullable = false, length = 1000)
    public String source;

    @Column(nullable = false)
    public Instant startedAt;

    @Column(nullable = false)
    public Instant completedAt;

    @ElementCollection
    @CollectionTable(name = "ingest_run_symbol", joinColumns = @JoinColumn(name = "run_id"))
    @OrderColumn(name = "position")
    public List<RunSymbolCounts> symbols = new ArrayList<>();

    @Column(length = 64)
    public String checksum;

    /** Why the run failed, naming file, row and field; null when it succeeded. */
    @Lob
    public String error;

    @ElementCollection
    @CollectionTable(name = "ingest_run_warning", joinColumns = @JoinColumn(name = "run_id"))
    @OrderColumn(name = "position")
    @Column(name = "warning", length = 2000)
    public List<String> warnings = new ArrayList<>();

    /** Why the run's events are not on the broker yet; null once they are. */
    @Lob
    public String publishError;

    /** A run as its outcome describes it; its events still to be published, if it has any. */
    public static IngestRunEntity of(IngestOutcome outcome) {
        MarketUpdate update = outcome.update();
        IngestRunEntity run = new IngestRunEntity();
        run.id = update.runId();
        run.status = update.status();
        run.publication = hasEvents(outcome) ? Publication.PENDING : Publication.NONE;
        run.source = update.source();
        run.startedAt = update.startedAt();
        run.completedAt = update.completedAt();
        run.symbols = new ArrayList<>(update.symbols().stream().map(RunSymbolCounts::of).toList());
        run.checksum = update.checksum();
        run.error = update.error();
        run.warnings = new ArrayList<>(outcome.warnings().stream().map(IngestWarning::toString).toList());
        return run;
    }

    /**
     * A failed run announces its error; a successful one publishes only if it changed bars, so re-ingesting
     * the same data puts nothing on either topic.
     */
    public static boolean hasEvents(IngestOutcome outcome) {
        return !outcome.succeeded() || !outcome.changedBars().isEmpty() || !outcome.deletedKeys().isEmpty();
    }

    /** The run's {@code market.updates} event. */
    public MarketUpdate toUpdate() {
        return new MarketUpdate(MarketUpdate.SCHEMA_VERSION, id, status, source,
                symbols.stream().map(RunSymbolCounts::toRange).toList(), checksum, error, startedAt, completedAt);
    }

    /** Runs whose events are stored but not on the broker, oldest first. */
    public static List<IngestRunEntity> unpublished() {
        return list("publication in ?1 order by startedAt", List.of(Publication.PENDING, Publication.FAILED));
    }
}
