package io.vixlab.ingest.service;

import io.quarkus.panache.common.Sort;
import io.vixlab.contracts.MessageLimits;
import io.vixlab.contracts.market.MarketBar;
import io.vixlab.contracts.market.MarketUpdate;
import io.vixlab.ingest.config.IngestConfig;
import io.vixlab.ingest.config.SourceKind;
import io.vixlab.ingest.messaging.out.MarketEventPublisher;
import io.vixlab.ingest.messaging.out.PublishException;
import io.vixlab.ingest.persistence.BarEntity;
import io.vixlab.ingest.persistence.BarHistoryEntity;
import io.vixlab.ingest.persistence.IngestRunEntity;
import io.vixlab.ingest.persistence.IngestRunEntity.Publication;
import io.vixlab.ingest.persistence.PanacheBarStore;
import io.vixlab.ingest.run.BarRepair;
import io.vixlab.ingest.run.IngestOutcome;
import io.vixlab.ingest.run.IngestRun;
import io.vixlab.ingest.source.BarSource;
import io.vixlab.kit.rest.InvalidParameterException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Runs ingests and records them. A run reads its source, then in one transaction diffs against the stored bars,
 * upserts the new and changed ones and records itself; a run that fails stores no bar. Only after the commit
 * are its events sent (bars, then the update) and awaited. If that fails the data stays stored, the run is
 * marked {@link Publication#FAILED}, and the next run publishes its events before it starts. Operators' repairs
 * ({@link #deleteBars}, {@link #restoreBars}) are runs of the same kind, recorded and published the same way.
 */
@ApplicationScoped
public class IngestService {

    private static final Logger LOG = Logger.getLogger(IngestService.class);

    private final IngestRun ingestRun;
    private final BarRepair repair;
    private final BarSources sources;
    private final MarketEventPublisher publisher;
    private final IngestConfig config;
    // Runs diff against what earlier runs stored and publish in order, so they go one at a time.
    private final ReentrantLock oneRunAtATime = new ReentrantLock();

    public IngestService(IngestRun ingestRun, BarRepair repair, BarSources sources, MarketEventPublisher publisher,
            IngestConfig config) {
        this.ingestRun = ingestRun;
        this.repair = repair;
        this.sources = sources;
        this.publisher = publisher;
        this.config = config;
    }

    /**
     * Ingests from a source and returns the run as recorded; bad input gives a {@code FAILED} run naming
     * file, row and field.
     *
     * @param path           the file or directory of a {@code file} source, relative to the file root or absolute under it
     * @param replaceHistory whether the run may change stored closes by more than a plausible amount
     * @throws InvalidParameterException when the source and path do not go together
     * @throws PublishException        when this run's events, or those of an earlier run that are still to be
     *                                 published, could not be published; the data is stored
     */
    public IngestRunView run(SourceKind kind, Optional<String> path, boolean replaceHistory) {
        BarSource source = sources.open(kind, path);
        return recordAndPublish("ingest-", () -> {
            BarSource fetched = BarSources.prefetched(source);
            return (runId, store) -> ingestRun.execute(runId, List.of(fetched), store, replaceHistory);
        });
    }

    /**
     * Deletes a symbol's bars over a date range (kept in the bar history), recorded as a run whose events are
     * tombstones and an update.
     *
     * @throws BarRepair.NothingToRepairException when no bar lies in the range; nothing is recorded
     * @throws PublishException                   as for {@link #run}
     */
    public IngestRunView deleteBars(String symbol, LocalDate from, LocalDate to) {
        return recordAndPublish("delete-", () -> (runId, store) -> repair.delete(runId, symbol, from, to, store));
    }

    /**
     * Restores the versions of a symbol's bars that runs replaced or deleted last, over a date range.
     *
     * @throws BarRepair.NothingToRepairException when no day in the range has an earlier version
     * @throws PublishException                   as for {@link #run}
     */
    public IngestRunView restoreBars(String symbol, LocalDate from, LocalDate to) {
        return recordAndPublish("restore-", () -> (runId, store) -> repair.restore(runId, symbol, from, to, store));
    }

    /** What a run does to the store, given its id. */
    @FunctionalInterface
    interface Change {
        IngestOutcome apply(String runId, PanacheBarStore store);
    }

    /**
     * One run at a time: publishes what earlier runs left unpublished, prepares the change (a download may take
     * minutes, so outside the transaction), applies and records it in one transaction, then publishes its events.
     */
    private IngestRunView recordAndPublish(String runIdPrefix, Supplier<Change> prepare) {
        oneRunAtATime.lock();
        try {
            publishUnpublishedRuns();
            Change change = prepare.get();
            String runId = runIdPrefix + UUID.randomUUID();
            IngestOutcome outcome = record(runId, change);
            log(outcome);
            if (IngestRunEntity.hasEvents(outcome)) {
                publish(runId, outcome.changedBars(), outcome.deletedKeys());
            }
            return find(runId).orElseThrow();
        } finally {
            oneRunAtATime.unlock();
        }
    }

    @Transactional
    IngestOutcome record(String runId, Change change) {
        IngestOutcome outcome = change.apply(runId, new PanacheBarStore(runId));
        IngestRunEntity.of(outcome).persist();
        return outcome;
    }

    /** Earlier runs' events that did not reach the broker (a broker outage, a crash), oldest first. */
    private void publishUnpublishedRuns() {
        for (String runId : unpublishedRunIds()) {
            LOG.infof("publishing the events of earlier run %s", runId);
            publish(runId, barsWrittenBy(runId), keysDeletedBy(runId));
        }
    }

    /** Publishes a recorded run's bars, tombstones and update and records whether that worked. */
    private void publish(String runId, List<MarketBar> bars, List<String> deletedKeys) {
        long start = System.nanoTime();
        try {
            publisher.publish(bars, deletedKeys, updateOf(runId), config.publishTimeout());
        } catch (PublishException e) {
            LOG.errorf(e, "run %s is stored but its events are not on the broker", runId);
            markPublication(runId, Publication.FAILED, MessageLimits.capped(e.getMessage()));
            throw new PublishException("run " + runId + " is stored but its events are not on the broker ("
                    + e.getMessage() + "); the next run publishes them", e);
        }
        markPublication(runId, Publication.PUBLISHED, null);
        LOG.infof("run %s: %d bars, %d tombstones and the update published in %d ms", runId, bars.size(),
                deletedKeys.size(), (System.nanoTime() - start) / 1_000_000);
    }

    @Transactional
    List<String> unpublishedRunIds() {
        return IngestRunEntity.unpublished().stream().map(run -> run.id).toList();
    }

    /**
     * The bars a run wrote that no later run has overwritten: the later run publishes its own version,
     * and the compacted topic keeps the latest.
     */
    @Transactional
    List<MarketBar> barsWrittenBy(String runId) {
        return BarEntity.<BarEntity>list("runId", Sort.by("symbol").and("date"), runId).stream()
                .map(BarEntity::toBar).toList();
    }

    /** The bars a run deleted that no later run has stored again. */
    @Transactional
    List<String> keysDeletedBy(String runId) {
        return BarHistoryEntity.<BarHistoryEntity>list("replacedBy", Sort.by("symbol").and("date"), runId).stream()
                .filter(version -> BarEntity.count("symbol = ?1 and date = ?2", version.symbol, version.date) == 0)
                .map(version -> MarketBar.key(version.symbol, version.date))
                .toList();
    }

    @Transactional
    MarketUpdate updateOf(String runId) {
        return IngestRunEntity.<IngestRunEntity>findById(runId).toUpdate();
    }

    @Transactional
    void markPublication(String runId, Publication publication, String error) {
        IngestRunEntity run = IngestRunEntity.findById(runId);
        run.publication = publication;
        run.publishError = error;
    }

    @Transactional
    public Optional<IngestRunView> find(String runId) {
        return IngestRunEntity.<IngestRunEntity>findByIdOptional(runId).map(IngestRunView::of);
    }

    /** The latest runs, newest first. */
    @Transactional
    public List<IngestRunView> latest(int limit) {
        return IngestRunEntity.<IngestRunEntity>findAll(Sort.descending("startedAt")).page(0, limit).stream()
                .map(IngestRunView::of).toList();
    }

    private static void log(IngestOutcome outcome) {
        MarketUpdate update = outcome.update();
        if (outcome.succeeded()) {
            LOG.infof("ingest run %s from %s: %d bars new or changed, %d warnings, stored in %d ms", update.runId(),
                    update.source(), outcome.changedBars().size(), outcome.warnings().size(),
                    Duration.between(update.startedAt(), update.completedAt()).toMillis());
        } else {
            LOG.warnf("ingest run %s from %s failed, nothing stored: %s", update.runId(), update.source(),
                    update.error());
        }
    }
}
