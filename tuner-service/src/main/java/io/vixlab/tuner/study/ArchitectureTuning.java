package io.vixlab.tuner.study;

import io.vixlab.contracts.training.TrialState;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/** Where one architecture of a running study stands: tuning, waiting for its final model, done. */
public class ArchitectureTuning {

    public enum Phase {
        /** Trials are being asked for and run. */
        TUNING,
        /** The budget is spent and a final training with the best parameters was requested. */
        FINAL_REQUESTED,
        /** The final model's result arrived (its state says whether training succeeded). */
        FINISHED,
        /**
         * No model and none to wait for ({@code detail} says why): no trial completed, so there
         * were no best parameters; or the last attempt of the final training ran out of its
         * limit (no progress, or queued without starting); or the study was cancelled while it ran.
         */
        FAILED
    }

    /** {@code <studyId>-<architecture>}. */
    public String id;
    public String studyId;
    public String architecture;
    /** The architecture's place in the plan: trials are handed out in this order. */
    public int position;
    public Phase phase;
    /** When its first trial was issued: the timeout runs from here. */
    public Instant tuningStartedAt;
    public Instant tunedAt;
    public String bestTrialId;
    public Double bestValue;
    public Map<String, Object> bestParams;
    /** {@code <studyId>-<architecture>-final}, the key of its final training and model result. */
    public String finalId;
    /** The final training's current attempt, from 1; a model result of any attempt counts. Null until requested. */
    public Integer finalAttempt;
    /**
     * When the final's current attempt was requested: until progress arrives after it, the attempt
     * is queued and {@code queued-timeout} is measured from here. Null until the final is requested,
     * and for finals requested before this was kept.
     */
    public Instant finalRequestedAt;
    /**
     * When any attempt of the final last reported progress; null until one does. Once it is at or
     * after {@link #finalRequestedAt}, the current attempt has started and {@code stale-after} is
     * measured from here. (Finals requested before {@code finalRequestedAt} was kept also set it
     * on request.)
     */
    public Instant finalLastProgressAt;
    /** How the final training ended, once its model result arrived. */
    public TrialState finalState;
    public String artifactUri;
    public String detail;
    public Instant finishedAt;

    static ArchitectureTuning planned(String studyId, String architecture, int position) {
        ArchitectureTuning tuning = new ArchitectureTuning();
        tuning.id = studyId + "-" + architecture;
        tuning.studyId = studyId;
        tuning.architecture = architecture;
        tuning.position = position;
        tuning.phase = Phase.TUNING;
        tuning.finalId = tuning.id + "-final";
        return tuning;
    }

    public boolean done() {
        return phase == Phase.FINISHED || phase == Phase.FAILED;
    }

    /** Finals requested before attempts were counted have had one. */
    public int currentFinalAttempt() {
        return finalAttempt == null ? 1 : finalAttempt;
    }

    /**
     * When the final's current attempt was requested: {@link #finalRequestedAt}, or for a final
     * requested before that was kept, its last progress (set on request then) or its tuning's end.
     */
    public Instant currentFinalRequestedAt() {
        return Objects.requireNonNullElse(finalRequestedAt, Objects.requireNonNullElse(finalLastProgressAt, tunedAt));
    }

    /**
     * Whether the final's current attempt has started: progress arrived at or after its request.
     * Until then it is queued: requested, waiting for a trainer.
     */
    public boolean finalStarted() {
        return finalLastProgressAt != null && (finalRequestedAt == null || !finalLastProgressAt.isBefore(finalRequestedAt));
    }

    void fail(String why, Instant now) {
        phase = Phase.FAILED;
        detail = why;
        finishedAt = now;
    }
}
