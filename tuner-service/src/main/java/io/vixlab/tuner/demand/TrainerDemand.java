package io.vixlab.tuner.demand;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.vixlab.contracts.training.TrainingProgress.RunKind;
import io.vixlab.tuner.persistence.ArchitectureTuningEntity;
import io.vixlab.tuner.persistence.AttemptCounts;
import io.vixlab.tuner.persistence.TrialEntity;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;

/**
 * The trainers' demand as the database has it: trials and final trainings whose current attempt
 * is queued (waiting) or started (running), by the rule the study loop applies to re-issue them.
 * Two counting queries; no run is loaded.
 */
@ApplicationScoped
public class TrainerDemand {

    private final DemandConfig config;

    public TrainerDemand(DemandConfig config) {
        this.config = config;
    }

    public RunDemand current() {
        return QuarkusTransaction.requiringNew().call(() -> {
            AttemptCounts trials = TrialEntity.countRunning();
            AttemptCounts finals = ArchitectureTuningEntity.countAwaitedFinals();
            return RunDemand.of(Map.of(RunKind.TRIAL, trials.queued(), RunKind.FINAL, finals.queued()),
                    Map.of(RunKind.TRIAL, trials.started(), RunKind.FINAL, finals.started()), config.maxTrainers());
        });
    }
}
