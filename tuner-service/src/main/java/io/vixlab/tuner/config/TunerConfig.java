package io.vixlab.tuner.config;

import io.smallrye.config.ConfigMapping;
import java.time.Duration;

/** How the study loop runs; defaults in {@code application.properties}. */
@ConfigMapping(prefix = "vixlab.tuner")
public interface TunerConfig {

    /** How often the loop looks at every unfinished study (start, stale trials, timeouts, free slots). */
    Duration tickInterval();

    /**
     * A running trial, or a requested final training, with no progress for this long is re-issued
     * as a new attempt. It must exceed the time a trial config (or final request) may wait for a
     * free trainer plus one epoch.
     */
    Duration staleAfter();

    /**
     * Attempts a trial or a final training gets; after the last one goes stale the trial fails, or
     * the architecture, with the reason.
     */
    int maxAttempts();

    /**
     * A message still in the outbox this long after it was stored (the tuner stopped between commit
     * and send, or the broker did not acknowledge it) is sent again. Longer than a broker
     * acknowledgement takes, or messages are sent twice for nothing.
     */
    Duration outboxResendAfter();
}
