package io.vixlab.tuner.sampler;

import org.apache.commons.math3.special.Erf;
import org.apache.commons.math3.util.ContinuedFraction;

/**
 * The logarithm of expected improvement for a minimized objective, Optuna's {@code logei}: with
 * a posterior N(mean, variance) and the best value so far, EI = sigma h(z) where
 * z = (best - mean) / sigma and h(z) = phi(z) + z Phi(z) (the expected positive part of a standard
 * normal shifted by z). Its logarithm is computed without underflow far into the tail, where EI
 * itself is 0 in doubles but candidates must still be ranked (Ament et al. 2023, "Unexpected
 * improvements to expected improvement", eq. 9).
 */
final class LogExpectedImprovement {

    /**
     * Below this z, phi(z) + z Phi(z) subtracts nearly equal numbers and Phi(z) = erfc(-z / sqrt 2) / 2
     * carries commons-math's relative error (3.6e-11 in log h at z = -25), so the continued fraction
     * takes over; Optuna switches at -25 with an erfcx accurate to the last digit.
     */
    private static final double TAIL = -1;
    private static final double LOG_SQRT_2PI = 0.5 * Math.log(2 * Math.PI);
    private static final double TAIL_EPSILON = 1e-16;
    /** Enough for z = -1, where the fraction converges slowest; further out it needs a handful. */
    private static final int TAIL_TERMS = 10_000;

    /**
     * 1 + t D(t) with D(t) = t + 2 / (t + 3 / (t + 4 / ...)), the tail of Laplace's continued
     * fraction of the Mills ratio R(t) = 1 / (t + 1 / (t + 2 / ...)): then 1 - t R(t) = 1 / (1 + t D),
     * so h(-t) = phi(t) (1 - t R(t)) = phi(t) / (1 + t D) needs no subtraction.
     */
    private static final ContinuedFraction MILLS_TAIL = new ContinuedFraction() {
        @Override
        protected double getA(int n, double t) {
            return t;
        }

        @Override
        protected double getB(int n, double t) {
            return n + 1;
        }
    };

    private LogExpectedImprovement() {
    }

    /** log EI at a posterior mean and variance, against the best value so far. */
    static double of(double mean, double variance, double best) {
        double sigma = Math.sqrt(variance);
        return Math.log(sigma) + standard((best - mean) / sigma);
    }

    /** log h(z), h(z) = E[max(0, X + z)] for X standard normal. */
    static double standard(double z) {
        if (z >= TAIL) {
            return Math.log(0.5 * z * Erf.erfc(-z / Math.sqrt(2)) + Math.exp(-0.5 * z * z) / Math.sqrt(2 * Math.PI));
        }
        double t = -z;
        return -0.5 * t * t - LOG_SQRT_2PI - Math.log1p(t * MILLS_TAIL.evaluate(t, TAIL_EPSILON, TAIL_TERMS));
    }
}
