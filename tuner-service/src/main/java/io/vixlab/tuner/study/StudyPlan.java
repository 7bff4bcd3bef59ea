package io.vixlab.tuner.study;

import io.vixlab.contracts.tuning.StudySetup;
import io.vixlab.contracts.tuning.TrainingSettings;
import java.util.List;

/**
 * A study as the tuner runs it: every setting resolved.
 *
 * @param parallelism  trials of the study in flight at once
 * @param reproducibleWindow {@code k >= 1}: trial {@code n} is sampled and judged from trials
 *                     {@code 0 .. n - k} only ({@link SearchHistory}), so that the same plan, seed and
 *                     data give the same trials whatever the number of trainers and the order results
 *                     arrive in; 0: from every trial as results arrive
 */
public record StudyPlan(
        String name,
        List<String> architectures,
        int trialsPerArchitecture,
        int timeoutMinutesPerArchitecture,
        String sampler,
        long samplerSeed,
        String pruner,
        int parallelism,
        Integer reproducibleWindow,
        TrainingSettings training,
        TrainingSettings finalTraining,
        String datasetId) {

    /** A plan stored before studies were reproducible has no window: its studies ran as results arrived. */
    public StudyPlan {
        reproducibleWindow = reproducibleWindow == null ? 0 : reproducibleWindow;
    }

    /** The budget, sampler, seed, pruner and training settings, as study events carry them. */
    public StudySetup setup() {
        return new StudySetup(trialsPerArchitecture, timeoutMinutesPerArchitecture, sampler, samplerSeed, pruner,
                reproducibleWindow, training, finalTraining);
    }

    /** Ask for the newest dataset published on {@code features.datasets}. */
    public static final String LATEST_DATASET = "latest";
}
