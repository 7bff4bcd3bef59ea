package io.vixlab.tuner.study;

import io.vixlab.contracts.Event;
import io.vixlab.contracts.tuning.FinalTrainingRequest;
import io.vixlab.contracts.tuning.SettledTrial;
import io.vixlab.contracts.tuning.StudyEvent;
import io.vixlab.contracts.tuning.TrialConfig;
import io.vixlab.contracts.tuning.TrialControl;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The messages one decision sends, in the order it decided on them, each stamped with the decision's time. */
public final class StudyMessages {

    private final Study study;
    private final Instant now;
    private final List<Event> messages = new ArrayList<>();

    StudyMessages(Study study, Instant now) {
        this.study = study;
        this.now = now;
    }

    public List<Event> list() {
        return List.copyOf(messages);
    }

    /** The trial's current attempt, for a trainer to run. */
    void trial(StudyTrial trial) {
        messages.add(new TrialConfig(TrialConfig.SCHEMA_VERSION, study.id, trial.id, trial.number, trial.attempt,
                trial.architecture, trial.params, study.datasetId, study.plan.training(), now));
    }

    void control(StudyTrial trial, TrialControl.Action action, String reason) {
        messages.add(new TrialControl(TrialControl.SCHEMA_VERSION, study.id, trial.id, trial.attempt, action, reason,
                now));
    }

    void cancelFinal(ArchitectureTuning architecture, int attempt, String reason) {
        messages.add(new TrialControl(TrialControl.SCHEMA_VERSION, study.id, architecture.finalId, attempt,
                TrialControl.Action.CANCEL, reason, now));
    }

    /** The final training of the architecture's best parameters, as its current attempt. */
    void finalTraining(ArchitectureTuning architecture) {
        messages.add(new FinalTrainingRequest(FinalTrainingRequest.SCHEMA_VERSION, study.id, architecture.finalId,
                architecture.currentFinalAttempt(), architecture.architecture, architecture.bestParams,
                architecture.bestTrialId, architecture.bestValue, study.datasetId, study.plan.finalTraining(), now));
    }

    void event(StudyEvent.Status status, String architecture, String detail) {
        messages.add(studyEvent(status, architecture, detail, null));
    }

    /** The architecture is tuned: its trials as settled, which the report counts rather than the trainers' results. */
    void tuned(String architecture, List<StudyTrial> trials, String detail) {
        messages.add(studyEvent(StudyEvent.Status.ARCHITECTURE_TUNED, architecture, detail, trials.stream()
                .map(t -> new SettledTrial(t.id, t.number, t.state, t.value)).toList()));
    }

    private StudyEvent studyEvent(StudyEvent.Status status, String architecture, String detail,
            List<SettledTrial> trials) {
        return new StudyEvent(StudyEvent.SCHEMA_VERSION, study.id, status, study.plan.architectures(),
                study.plan.trialsPerArchitecture(), study.datasetId, architecture, detail, now, study.plan.setup(),
                trials);
    }
}
