package io.vixlab.contracts.report;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * What became of one architecture the study planned, whether or not it has a row in the comparison:
 * its final model's status (a failed final says why), its trials and the final's training history.
 *
 * @param reason       why the final failed or was cancelled, or what a pending one waits for; absent
 *                     for a complete final
 * @param finalId      the final training shown (the latest complete attempt, else the latest
 *                     attempt); absent while none has reported
 * @param bestValue    lowest value of a complete trial (mean validation MSE over the folds, scaled);
 *                     absent when no trial completed
 * @param trials       the latest attempt of every trial that ended, by trial number
 * @param finalHistory the shown final's epochs as {@code training.progress} reported them, in order;
 *                     empty when none arrived
 */
public record ArchitectureOutcome(
        @NotNull @Size(min = 1) String architecture,
        @NotNull Status status,
        @Size(min = 1) String reason,
        @Size(min = 1) String finalId,
        @PositiveOrZero int trialsComplete,
        @PositiveOrZero int trialsPruned,
        @PositiveOrZero int trialsFailed,
        Double bestValue,
        @NotNull List<TrialOutcome> trials,
        @NotNull List<EpochLosses> finalHistory) {

    /** Where the architecture's final model stands. */
    public enum Status {
        /** A final model was trained and evaluated: the architecture has a row. */
        COMPLETE,
        /** Its final training failed (e.g. a NaN loss); {@code reason} says why. */
        FAILED,
        /** Its final training was cancelled, or never asked for (no trial completed); {@code reason} says why. */
        CANCELLED,
        /** No final result has arrived yet (a report built while the study runs). */
        PENDING
    }
}
