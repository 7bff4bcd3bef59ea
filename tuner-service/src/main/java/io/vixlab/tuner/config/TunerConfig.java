package io.vixlab.tuner.config;

import io.smallrye.config.ConfigMapping;
import java.time.Duration;

/** How the study loop runs; defaults in {@code application.properties}. */
@ConfigMapping(prefix = "vixlab.tuner")
public interface TunerConfig {

    /** How often the loop looks at every unfinished study (start, stale trials, timeouts, free slots). */
    Duration tickInterval();

    /**
     * An attempt of a trial, or of a final training, that has started (reported progress) and then
     * reported none for this long is re-issued as a new attempt: its trainer died or hangs. It must
     * exceed the longest epoch plus the time progress takes to arrive. An attempt that has not
     * started yet is measured by {@link #queuedTimeout()} instead.
     */
    Duration staleAfter();

    /**
     * An attempt of a trial, or of a final training, that has reported no progress this long after
     * it was issued is re-issued as a new attempt. Until it starts it is queued, not stalled: it
     * waits in the trainers' work queue until one is free (all may be busy with long runs, or
     * scaled to zero), and a new attempt would only wait in the same queue. A run whose trainer
     * dies goes back to the queue at once (the share group's lock), so this limit only catches an
     * attempt that is never taken at all.
     */
    Duration queuedTimeout();

    /**
     * Attempts a trial or a final training gets; after the last one runs out of its limit
     * ({@link #staleAfter()} or {@link #queuedTimeout()}) the trial fails, or the architecture,
     * with the reason.
     */
    int maxAttempts();

    /**
     * A message still in the outbox this long after it was stored (the tuner stopped between commit
     * and send, or the broker did not acknowledge it) is sent again. Longer than a broker
     * acknowledgement takes, or messages are sent twice for nothing.
     */
    Duration outboxResendAfter();
}
