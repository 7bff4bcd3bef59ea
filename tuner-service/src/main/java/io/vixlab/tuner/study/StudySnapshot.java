package io.vixlab.tuner.study;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A study as loaded from storage for one decision: the study, its architectures in plan order,
 * every trial, and the newest known dataset (what a study asking for {@code latest} starts with).
 * The core changes it in place and adds what it creates; the caller saves all of it back. Storage
 * is the single source of truth: nothing of a study outlives one decision in memory.
 */
public final class StudySnapshot {

    private final Study study;
    private final List<ArchitectureTuning> architectures;
    private final List<StudyTrial> trials;
    private final Optional<String> newestDatasetId;

    public StudySnapshot(Study study, List<ArchitectureTuning> architectures, List<StudyTrial> trials,
            Optional<String> newestDatasetId) {
        this.study = study;
        this.architectures = new ArrayList<>(architectures);
        this.architectures.sort(Comparator.comparingInt(a -> a.position));
        this.trials = new ArrayList<>(trials);
        this.newestDatasetId = newestDatasetId;
    }

    public Study study() {
        return study;
    }

    /** In plan order. */
    public List<ArchitectureTuning> architectures() {
        return Collections.unmodifiableList(architectures);
    }

    public List<StudyTrial> trials() {
        return Collections.unmodifiableList(trials);
    }

    public Optional<String> newestDatasetId() {
        return newestDatasetId;
    }

    /** The trials of one architecture, by number. */
    public List<StudyTrial> trialsOf(String architecture) {
        return trials.stream().filter(t -> t.architecture.equals(architecture))
                .sorted(Comparator.comparingInt(t -> t.number)).toList();
    }

    /** The trials of one architecture as samplers and pruners read them, by number. */
    public List<FrozenTrial> frozenTrialsOf(String architecture) {
        return trialsOf(architecture).stream().map(StudyTrial::frozen).toList();
    }

    public List<StudyTrial> running() {
        return trials.stream().filter(StudyTrial::isRunning).toList();
    }

    public Optional<StudyTrial> trial(String trialId) {
        return trials.stream().filter(t -> t.id.equals(trialId)).findFirst();
    }

    public Optional<ArchitectureTuning> byFinalId(String finalId) {
        return architectures.stream().filter(a -> a.finalId.equals(finalId)).findFirst();
    }

    void add(StudyTrial trial) {
        trials.add(trial);
    }

    void add(ArchitectureTuning architecture) {
        architectures.add(architecture);
    }
}
