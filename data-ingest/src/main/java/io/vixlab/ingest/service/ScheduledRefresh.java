package io.vixlab.ingest.service;

import io.quarkus.scheduler.Scheduled;
import io.vixlab.ingest.config.IngestConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/**
 * The daily refresh from the configured source ({@code cboe} in production). Off locally: its cron is
 * {@code off} unless the prod profile is active.
 */
@ApplicationScoped
public class ScheduledRefresh {

    private final IngestService ingest;
    private final IngestConfig config;

    public ScheduledRefresh(IngestService ingest, IngestConfig config) {
        this.ingest = ingest;
        this.config = config;
    }

    // CBOE's files follow the US trading day, so the cron is read in New York time. The run logs its outcome;
    // a publishing failure is thrown to the scheduler, which logs it, and the next run retries.
    @Scheduled(identity = "daily-refresh", cron = "{vixlab.ingest.schedule.cron}", timeZone = "America/New_York",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void refresh() {
        ingest.run(config.source(), Optional.empty(), false);
    }
}
