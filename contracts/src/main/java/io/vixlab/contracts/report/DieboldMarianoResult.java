package io.vixlab.contracts.report;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A Diebold-Mariano test of equal predictive accuracy between forecasts A and B, with the
 * Harvey-Leybourne-Newbold small-sample correction; the statistic is positive when A's losses are
 * larger.
 *
 * @param pValue two-sided, from Student's t with n - 1 degrees of freedom
 */
public record DieboldMarianoResult(
        @NotNull @Size(min = 1) String modelA,
        @NotNull @Size(min = 1) String modelB,
        @NotNull LossFunction loss,
        @Min(1) int horizon,
        @Min(2) int observations,
        double meanLossDifference,
        double statistic,
        @DecimalMin("0") @DecimalMax("1") double pValue,
        @NotNull Verdict verdict) {

    public enum LossFunction { SQUARED, ABSOLUTE }

    public enum Verdict { A_BETTER, B_BETTER, NO_SIGNIFICANT_DIFFERENCE }
}
