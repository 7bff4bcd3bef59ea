package io.vixlab.tuner.demand;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import io.vixlab.contracts.training.TrainingProgress.RunKind;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The demand as gauges on {@code /q/metrics}: {@code vixlab_runs_waiting{kind}} and
 * {@code vixlab_runs_running{kind}}, per {@link RunKind}.
 */
@Startup
@Singleton
public class DemandMetrics {

    public static final String WAITING = "vixlab.runs.waiting";
    public static final String RUNNING = "vixlab.runs.running";
    /**
     * A scrape reads the gauges one after the other: they share one count this young, so that
     * they agree with each other and a scrape counts once.
     */
    private static final Duration SHARED_FOR = Duration.ofSeconds(1);

    private record Counted(Instant at, RunDemand demand) {
    }

    private final TrainerDemand demand;
    private final Clock clock;
    private final AtomicReference<Counted> last = new AtomicReference<>();

    public DemandMetrics(MeterRegistry registry, TrainerDemand demand, Clock clock) {
        this.demand = demand;
        this.clock = clock;
        for (RunKind kind : RunKind.values()) {
            Gauge.builder(WAITING, this, m -> m.recent().waiting().get(kind))
                    .description("Runs issued to the trainers and not started yet")
                    .tag("kind", kind.name()).strongReference(true).register(registry);
            Gauge.builder(RUNNING, this, m -> m.recent().running().get(kind))
                    .description("Runs a trainer has started and not answered yet")
                    .tag("kind", kind.name()).strongReference(true).register(registry);
        }
    }

    private RunDemand recent() {
        Instant now = clock.instant();
        Counted counted = last.get();
        if (counted == null || !now.isBefore(counted.at().plus(SHARED_FOR))) {
            counted = new Counted(now, demand.current());
            last.set(counted);
        }
        return counted.demand();
    }
}
