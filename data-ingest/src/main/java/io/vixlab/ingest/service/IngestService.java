package io.vixlab.ingest.service;

import io.quarkus.panache.common.Sort;
import io.vixlab.contracts.market.MarketBar;
import io.vixlab.contracts.market.MarketUpdate;
import io.vixlab.ingest.config.IngestConfig;
import io.vixlab.ingest.config.SourceKind;
import io.vixlab.ingest.messaging.MarketEventPublisher;
import io.vixlab.ingest.messaging.PublishException;
import io.vixlab.ingest.persistence.BarEntity;
import io.vixlab.ingest.persistence.IngestRunEntity;
import io.vixlab.ingest.persistence.IngestRunEntity.Publication;
import io.vixlab.ingest.persistence.PanacheBarStore;
import io.vixlab.ingest.run.IngestOutcome;
import io.vixlab.ingest.run.IngestRun;
import io.vixlab.ingest.source.BarSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;
import org.jboss.logging.Logger;

/**
 * Runs ingests and records them. A run reads its source, then in one transaction diffs against the stored bars,
 * upserts the new and changed ones and records itself; a run that fails stores no bar. Only after the commit
 * are its events sent (bars, then the update) and awaited. If that fails the data stays stored, the run is
 * marked {@link Publication#FAILED}, and the next run publishes its events before it starts.
 */
@ApplicationScoped
public class IngestService {

    private static final Logger LOG = Logger.getLogger(IngestService.class);

    private final IngestRun ingestRun;
    private final BarSources sources;
    private final MarketEventPublisher publisher;
    private final IngestConfig config;
    // Runs diff against what earlier runs stored and publish in order, so they go one at a time.
    private final ReentrantLock oneRunAtATime = new ReentrantLock();

    public IngestService(IngestRun ingestRun, BarSources sources, MarketEventPublisher publisher, IngestConfig config) {
        this.ingestRun = ingestRun;
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
     * @throws InvalidRequestException when the source and path do not go together
     * @throws PublishException        when this run's events, or those of an earlier run that are still to be
     *                                 published, could not be published; the data is stored
     */
    public IngestRunView run(SourceKind kind, Optional<String> path, boolean replaceHistory) {
        BarSource source = sources.open(kind, path);
        oneRunAtATime.lock();
        try {
            publishUnpublishedRuns();
            String runId = "ingest-" + UUID.randomUUID();
            IngestOutcome outcome = ingestAndRecord(runId, BarSources.prefetched(source), replaceHistory);
            log(outcome);
            if (IngestRunEntity.hasEvents(outcome)) {
                publish(runId, outcome.changedBars());
            }
            return find(runId).orElseThrow();
        } finally {
            oneRunAtATime.unlock();
        }
    }

    @Transactional
    IngestOutcome ingestAndRecord(String runId, BarSource source, boolean replaceHistory) {
        IngestOutcome outcome = ingestRun.execute(runId, List.of(source), new PanacheBarStore(runId), replaceHistory);
        IngestRunEntity.of(outcome).persist();
        return outcome;
    }

    /** Earlier runs' events that did not reach the broker (a broker outage, a crash), oldest first. */
    private void publishUnpublishedRuns() {
        for (String runId : unpublishedRunIds()) {
            LOG.infof("publishing the events of earlier run %s", runId);
            publish(runId, barsWrittenBy(runId));
        }
    }

    /** Publishes a recorded run's bars and update and records whether that worked. */
    private void publish(String runId, List<MarketBar> bars) {
        long start = System.nanoTime();
        try {
            publisher.publish(bars, updateOf(runId), config.publishTimeout());
        } catch (PublishException e) {
            LOG.errorf(e, "run %s is stored but its events are not on the broker", runId);
            markPublication(runId, Publication.FAILED, e.getMessage());
            throw new PublishException("run " + runId + " is stored but its events are not on the broker ("
                    + e.getMessage() + "); the next run publishes them", e);
        }
        markPublication(runId, Publication.PUBLISHED, null);
        LOG.infof("run %s: %d bars and the update published in %d ms", runId, bars.size(),
                (System.nanoTime() - start) / 1_000_000);
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
