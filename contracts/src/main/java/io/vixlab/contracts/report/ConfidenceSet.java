package io.vixlab.contracts.report;

import io.vixlab.contracts.report.DieboldMarianoResult.LossFunction;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * The model confidence set of Hansen, Lunde and Nason (2011) over a study's forecasts (final models,
 * their combination, baselines) on one loss: which of them the test days cannot tell from the best.
 * A forecast is in the 90% set when its MCS p-value is at least 0.10, in the 75% set when at least 0.25.
 *
 * @param days         the test days every forecast covers, on which the losses were compared
 * @param blockLength  days per block of the moving-block bootstrap
 * @param replications bootstrap resamples drawn
 * @param seed         the bootstrap's seed: the same forecasts give the same p-values
 * @param members      one per forecast: the architectures by test MSE, the combination, the baselines
 */
public record ConfidenceSet(
        @NotNull LossFunction loss,
        @NotNull Statistic statistic,
        @Min(2) int days,
        @Min(1) int blockLength,
        @Min(1) int replications,
        long seed,
        @NotNull @Size(min = 2) List<ConfidenceSetMember> members) {

    /** The statistic of each elimination step: T_max (each forecast against the set's mean loss) or T_R (pairs). */
    /** The statistic of each elimination step, with its elimination rule. */
    public enum Statistic {
        /** T_max with e_max: each forecast against the set's average loss. */
        T_MAX("T_max"),
        /** T_R with e_R: the largest standardized difference of any two forecasts. */
        T_R("T_R");

        private final String label;

        Statistic(String label) {
            this.label = label;
        }

        /** The paper's name, as the report prints it. */
        public String label() {
            return label;
        }
    }
}
