package io.vixlab.report.comparison;

import io.vixlab.contracts.report.ArchitectureOutcome;
import io.vixlab.contracts.report.ArchitectureOutcome.Status;
import io.vixlab.contracts.report.EpochLosses;
import io.vixlab.contracts.report.TrialOutcome;
import io.vixlab.contracts.training.ModelResult;
import io.vixlab.contracts.training.TrainingProgress;
import io.vixlab.contracts.training.TrialResult;
import io.vixlab.contracts.training.TrialState;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * What became of each architecture a study planned: the status of its final (the latest complete
 * attempt, else the latest attempt; a failed or cancelled one with its error), its trials, and the
 * shown final's epochs from {@code training.progress}.
 */
final class ArchitectureOutcomes {

    static final String PENDING_REASON = "no final result has arrived";
    static final String NOTHING_TO_SHOW = "the final reported neither test metrics nor test predictions";

    private ArchitectureOutcomes() {
    }

    static List<ArchitectureOutcome> of(StudyResults study) {
        Map<String, ModelResult> complete = FinalModels.latestComplete(study.finals());
        Map<String, ModelResult> latest = FinalModels.latest(study.finals());
        Map<String, TrialSummary> summaries = TrialSummary.byArchitecture(study.trials());
        List<TrialResult> trials = TrialSummary.latestAttempts(study.trials());
        return study.architectures().stream().map(architecture -> {
            ModelResult shown = complete.getOrDefault(architecture, latest.get(architecture));
            TrialSummary summary = summaries.getOrDefault(architecture, TrialSummary.NONE);
            return new ArchitectureOutcome(architecture, status(shown, complete.containsKey(architecture)),
                    reason(shown, complete.containsKey(architecture)), shown == null ? null : shown.finalId(),
                    summary.complete(), summary.pruned(), summary.failed(), summary.bestValue(),
                    trials.stream().filter(t -> t.architecture().equals(architecture))
                            .sorted(Comparator.comparingInt(TrialResult::trialNumber))
                            .map(t -> new TrialOutcome(t.trialNumber(), t.state(), t.value(), t.durationMillis(),
                                    t.error()))
                            .toList(),
                    shown == null ? List.of() : history(shown, study.progress()));
        }).toList();
    }

    private static Status status(ModelResult shown, boolean complete) {
        if (shown == null) {
            return Status.PENDING;
        }
        return complete ? Status.COMPLETE : shown.state() == TrialState.CANCELLED ? Status.CANCELLED : Status.FAILED;
    }

    private static String reason(ModelResult shown, boolean complete) {
        if (shown == null) {
            return PENDING_REASON;
        }
        if (complete) {
            return null;
        }
        if (shown.state() == TrialState.COMPLETE) {
            return NOTHING_TO_SHOW;
        }
        return shown.error() != null ? shown.error() : "the final ended " + shown.state() + " without saying why";
    }

    /** The final attempt's epochs in order; a redelivered epoch is stored once. */
    private static List<EpochLosses> history(ModelResult shown, List<TrainingProgress> progress) {
        return progress.stream()
                .filter(p -> p.kind() == TrainingProgress.RunKind.FINAL && p.runId().equals(shown.finalId())
                        && p.attempt() == shown.attempt())
                .sorted(Comparator.comparingInt(TrainingProgress::step))
                .map(p -> new EpochLosses(p.epoch(), p.trainLoss(), p.valLoss(), p.learningRate()))
                .toList();
    }
}
