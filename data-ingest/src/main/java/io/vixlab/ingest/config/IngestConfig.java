package io.vixlab.ingest.config;

import io.vixlab.ingest.validate.PlausibilityRule;
import io.smallrye.config.ConfigMapping;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import io.quarkus.runtime.configuration.MemorySize;

/**
 * The service's settings under {@code vixlab.ingest}; the values and their per-profile differences are in
 * {@code application.properties}, the rules they tune in {@code docs/data-ingest.md}.
 */
@ConfigMapping(prefix = "vixlab.ingest")
public interface IngestConfig {

    /**
     * What the scheduled refresh reads, and what a {@code POST /api/ingest/runs} that names no source reads:
     * {@code snapshot} locally (works offline), {@code cboe} in production.
     */
    SourceKind source();

    Cboe cboe();

    /** The first day whose open must lie within the day's [low, high]; earlier bad opens are kept with a warning. */
    LocalDate openCheckedFrom();

    Plausibility plausibility();

    /** The directory that {@code file} runs may read: a requested path is resolved against it and must stay inside. */
    Path fileRoot();

    /** The longest {@code path} a file run may name, in characters. */
    int maxPathLength();

    /**
     * The most bytes the files of one run's source may hold together (a file, a directory's files, a download);
     * a larger source fails the run before it is read whole.
     */
    MemorySize maxFileSize();

    /**
     * The symbols a run accepts. A {@link io.vixlab.contracts.market.MarketSymbol} also has its bars checked
     * against its first published day and for open, high and low where it has them.
     */
    List<String> symbols();

    /** How long a run waits for the broker to acknowledge its events before it counts as not published. */
    Duration publishTimeout();

    Schedule schedule();

    /** CBOE's history files over HTTP. */
    interface Cboe {

        /** Symbol to the URL of its history file. */
        Map<String, URI> urls();

        /** For connecting and for each whole request. */
        Duration timeout();

        /** Tries per file; I/O errors, timeouts and 5xx answers are retried. */
        int maxAttempts();

        /** The wait before the second try; it doubles for each further one. */
        Duration initialBackoff();
    }

    /** Closes far from the median of their neighbours; see {@link PlausibilityRule}. */
    interface Plausibility {

        /** Closes on each side that the median is taken over. */
        int neighbours();

        /** The largest accepted |ln(close / median)|. */
        double maxLogDistance();

        /** Whether flagged rows are left out of storage ({@code exclude}) or stored ({@code keep}). */
        PlausibilityRule.Action action();
    }

    /** The daily refresh. */
    interface Schedule {

        /** A Quartz cron expression in New York time, or {@code off}. */
        String cron();
    }
}
