package io.vixlab.report.comparison;

import io.vixlab.contracts.training.TrialResult;
import io.vixlab.contracts.tuning.SettledTrial;
import java.util.List;
import java.util.Map;

/**
 * Trials as the tuner settled them: a trainer's result says how its run ended, the tuner's
 * {@code ARCHITECTURE_TUNED} event how the study counts it (a reproducible study prunes a trial whose
 * PRUNE reached the trainer after its last epoch). The report and the page count what the tuner's
 * sampler, pruner and choice of the best trial read, whatever the trainers heard in time.
 */
public final class TrialSettlement {

    private TrialSettlement() {
    }

    /** {@code results} with the state and value the tuner settled, where it has settled them. */
    public static List<TrialResult> apply(List<TrialResult> results, Map<String, SettledTrial> settled) {
        return results.stream().map(r -> {
            SettledTrial trial = settled.get(r.trialId());
            if (trial == null) {
                return r;
            }
            return new TrialResult(r.schemaVersion(), r.studyId(), r.trialId(), r.trialNumber(), r.attempt(),
                    r.architecture(), trial.state(), trial.value(), r.foldScores(), r.foldCurves(),
                    r.parameterCount(), r.error(), r.durationMillis(), r.trainer(), r.finishedAt());
        }).toList();
    }
}
