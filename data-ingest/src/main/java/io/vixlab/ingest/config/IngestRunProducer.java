package io.vixlab.ingest.config;

import io.vixlab.ingest.run.BarRepair;
import io.vixlab.ingest.run.IngestRun;
import io.vixlab.ingest.validate.BarValidator;
import io.vixlab.ingest.validate.PlausibilityRule;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.ZoneOffset;

/** The domain's {@link IngestRun} with the configured validation and plausibility rule, and its {@link BarRepair}. */
public class IngestRunProducer {

    // Databases keep microseconds at most: a millisecond clock makes stored times read back equal.
    @Produces
    @Singleton
    Clock clock() {
        return Clock.tickMillis(ZoneOffset.UTC);
    }

    @Produces
    @Singleton
    BarRepair barRepair(Clock clock) {
        return new BarRepair(clock);
    }

    @Produces
    @Singleton
    IngestRun ingestRun(IngestConfig config, Clock clock) {
        IngestConfig.Plausibility plausibility = config.plausibility();
        return new IngestRun(new BarValidator(config.openCheckedFrom(), config.symbols(), clock),
                new PlausibilityRule(plausibility.neighbours(), plausibility.maxLogDistance(), plausibility.action()),
                clock);
    }
}
