package io.vixlab.tuner.study;

import io.vixlab.contracts.MessageLimits;
import io.vixlab.contracts.training.TrialState;
import io.vixlab.tuner.pruner.Pruner;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One trial of one architecture of a study: what samplers and pruners read ({@link #frozen}) and
 * what the loop needs to drive it (current attempt, last sign of life). The reporting and finishing
 * rules are Optuna's: a second report for a step is ignored, a NaN value fails the trial, a pruned
 * trial keeps its last intermediate value.
 */
public class StudyTrial {

    /** {@code <studyId>-<architecture>-<number>}: the same trial gets the same id after a restart. */
    public String id;
    public String studyId;
    public String architecture;
    /** 0-based, in ask order within the study's architecture. */
    public int number;
    /** The attempt whose progress and result count; older attempts' messages are ignored. */
    public int attempt;
    public TrialState state;
    /** Parameter name to value (Integer, Double or String), in the search space's order. */
    public Map<String, Object> params;
    /** The objective value (COMPLETE), or the last intermediate value of a PRUNED trial. */
    public Double value;
    /** Step to validation loss of the current attempt; empty until the attempt reports progress. */
    public SortedMap<Integer, Double> intermediateValues;
    public String failureReason;
    /** Whether a PRUNE control went out for the current attempt (sent once). */
    public boolean pruneRequested;
    public Instant startedAt;
    public Instant finishedAt;
    /**
     * When the current attempt was issued or last reported progress. Until the attempt has started
     * this is its issue time and {@code queued-timeout} runs from here; once it has, {@code stale-after} does.
     */
    public Instant lastProgressAt;

    public static String idOf(String studyId, String architecture, int number) {
        return studyId + "-" + architecture + "-" + number;
    }

    static StudyTrial asked(String studyId, String architecture, int number, Map<String, Object> params,
            Instant now) {
        StudyTrial trial = new StudyTrial();
        trial.id = idOf(studyId, architecture, number);
        trial.studyId = studyId;
        trial.architecture = architecture;
        trial.number = number;
        trial.attempt = 1;
        trial.state = TrialState.RUNNING;
        trial.params = params;
        trial.intermediateValues = new TreeMap<>();
        trial.startedAt = now;
        trial.lastProgressAt = now;
        return trial;
    }

    /** Whether the current attempt has started, i.e. reported progress; until then it is queued. */
    public boolean attemptStarted() {
        return !intermediateValues.isEmpty();
    }

    public boolean isRunning() {
        return state == TrialState.RUNNING;
    }

    /** The trial as samplers and pruners read it. */
    public FrozenTrial frozen() {
        return new FrozenTrial(number, state, params, value == null ? OptionalDouble.empty() : OptionalDouble.of(value),
                intermediateValues, startedAt, Optional.ofNullable(finishedAt));
    }

    /** Records the current attempt's value at {@code step}; a second report for the step is ignored. */
    void report(int step, double loss, Instant now) {
        intermediateValues.putIfAbsent(step, loss);
        lastProgressAt = now;
    }

    /**
     * Progress and results travel on different topics, so a finished trial's last epochs may arrive
     * after its result. Their values still count: the pruner compares running trials with finished
     * ones step by step.
     */
    void recordLate(int step, double loss) {
        intermediateValues.putIfAbsent(step, loss);
    }

    /**
     * Replaces the current attempt's curve with the whole one its result carries: progress travels on
     * another topic, so some of it may not have arrived yet.
     */
    void replaceCurve(SortedMap<Integer, Double> curve) {
        intermediateValues = new TreeMap<>(curve);
    }

    /**
     * The first step at which {@code pruner} stops this trial when asked after every report, as Optuna
     * asks it; its curve then ends there, as a pruned Optuna trial reports no more.
     */
    OptionalInt pruneAsReported(Pruner pruner, List<FrozenTrial> others) {
        SortedMap<Integer, Double> reported = new TreeMap<>();
        for (Map.Entry<Integer, Double> step : intermediateValues.entrySet()) {
            reported.put(step.getKey(), step.getValue());
            FrozenTrial sofar = new FrozenTrial(number, TrialState.RUNNING, params, OptionalDouble.empty(),
                    new TreeMap<>(reported), startedAt, Optional.empty());
            if (pruner.prune(others, sofar)) {
                intermediateValues = reported;
                return OptionalInt.of(step.getKey());
            }
        }
        return OptionalInt.empty();
    }

    /** COMPLETE with {@code objective}; a NaN one fails the trial, as Optuna does with a value it cannot rank. */
    void complete(double objective, Instant now) {
        if (Double.isNaN(objective)) {
            finish(TrialState.FAILED, null, null, now);
        } else {
            finish(TrialState.COMPLETE, objective, null, now);
        }
    }

    /** PRUNED, keeping the last intermediate value (when it is not NaN) as the trial's value. */
    void prune(Instant now) {
        Double last = intermediateValues.isEmpty() ? null : intermediateValues.get(intermediateValues.lastKey());
        finish(TrialState.PRUNED, last == null || last.isNaN() ? null : last, null, now);
    }

    /** FAILED with the reason, capped: a result's error may come from any trainer. */
    void end(TrialState end, String reason, Instant now) {
        finish(end, null, MessageLimits.capped(reason), now);
    }

    /** A new attempt trains from scratch: the old attempt's curve no longer counts. */
    void reissue(Instant now) {
        attempt++;
        lastProgressAt = now;
        pruneRequested = false;
        intermediateValues = new TreeMap<>();
    }

    private void finish(TrialState end, Double finalValue, String reason, Instant now) {
        if (!isRunning()) {
            throw new IllegalStateException("trial " + id + " already finished as " + state);
        }
        state = end;
        value = finalValue;
        failureReason = reason;
        finishedAt = now;
    }
}
