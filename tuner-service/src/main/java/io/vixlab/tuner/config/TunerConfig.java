package io.vixlab.tuner.config;

import io.smallrye.config.ConfigMapping;
import java.time.Duration;

/** How the study loop runs; defaults in {@code application.properties}. */
@ConfigMapping(prefix = "vixlab.tuner")
public interface TunerConfig {

    /** How often the loop looks at every unfinished study (start, stale trials, timeouts, free slots). */
    Duration tickInterval();

    /**
     * A running trial with no progress for this long is re-issued as a new attempt. It must exceed
     * the time a trial config may wait on {@code tuning.trials} for a free trainer plus one epoch.
     */
    Duration staleAfter();

    /** Attempts a trial gets; after the last one goes stale the trial fails with the reason. */
    int maxAttempts();
}
