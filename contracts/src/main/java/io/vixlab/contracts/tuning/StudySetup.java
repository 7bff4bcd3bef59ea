package io.vixlab.contracts.tuning;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/**
 * How a study searches, as the tuner resolved its plan: the budget, the sampler with its seed, the
 * pruner and the training settings of trials and finals. Carried on {@link StudyEvent} so that the
 * report can state what a study's results were obtained with.
 *
 * @param reproducibleWindow trials of one architecture that may run at once in a reproducible study;
 *                           0 when trials read every result as it arrives
 */
public record StudySetup(
        @Min(1) int trialsPerArchitecture,
        @Min(1) int timeoutMinutesPerArchitecture,
        @NotNull @Size(min = 1) String sampler,
        long samplerSeed,
        @NotNull @Size(min = 1) String pruner,
        @PositiveOrZero int reproducibleWindow,
        @NotNull TrainingSettings training,
        @NotNull TrainingSettings finalTraining) {
}
