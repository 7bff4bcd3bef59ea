package io.vixlab.contracts.report;

/**
 * A Diebold-Mariano test of equal predictive accuracy between forecasts A and B, with the
 * Harvey-Leybourne-Newbold small-sample correction; the statistic is positive when A's losses are
 * larger.
 *
 * @param pValue two-sided, from Student's t with n - 1 degrees of freedom
 */
public record DieboldMarianoResult(
        String modelA,
        String modelB,
        LossFunction loss,
        int horizon,
        int observations,
        double meanLossDifference,
        double statistic,
        double pValue,
        Verdict verdict) {

    public enum LossFunction { SQUARED, ABSOLUTE }

    public enum Verdict { A_BETTER, B_BETTER, NO_SIGNIFICANT_DIFFERENCE }
}
