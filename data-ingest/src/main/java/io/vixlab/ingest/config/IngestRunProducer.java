package io.vixlab.ingest.config;

import io.vixlab.ingest.run.IngestRun;
import io.vixlab.ingest.validate.BarValidator;
import io.vixlab.ingest.validate.PlausibilityRule;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.ZoneOffset;

/** The domain's {@link IngestRun} with the configured validation and plausibility rule. */
public class IngestRunProducer {

    @Produces
    @Singleton
    IngestRun ingestRun(IngestConfig config) {
        IngestConfig.Plausibility plausibility = config.plausibility();
        // Databases keep microseconds at most: a millisecond clock makes stored times read back equal.
        Clock clock = Clock.tickMillis(ZoneOffset.UTC);
        return new IngestRun(new BarValidator(config.openCheckedFrom(), config.symbols(), clock),
                new PlausibilityRule(plausibility.neighbours(), plausibility.maxLogDistance(), plausibility.action()),
                clock);
    }
}
