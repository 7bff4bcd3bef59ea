package io.vixlab.tuner.study;

import io.vixlab.contracts.tuning.TrainingSettings;
import java.util.List;

/** A study as the tuner runs it: every setting resolved. */
public record StudyPlan(
        String name,
        List<String> architectures,
        int trialsPerArchitecture,
        int timeoutMinutesPerArchitecture,
        String sampler,
        long samplerSeed,
        String pruner,
        int parallelism,
        TrainingSettings training,
        TrainingSettings finalTraining,
        String datasetId) {

    /** Ask for the newest dataset published on {@code features.datasets}. */
    public static final String LATEST_DATASET = "latest";
}
