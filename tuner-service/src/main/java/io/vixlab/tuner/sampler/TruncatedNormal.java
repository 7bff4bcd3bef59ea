package io.vixlab.tuner.sampler;

/**
 * The standard normal distribution truncated to {@code [a, b]}, computed in log space so that
 * kernels far from their bounds keep their precision: the functions of Optuna's
 * {@code samplers/_tpe/_truncnorm.py} (itself taken from SciPy) with the error function of FreeBSD's
 * msun {@code s_erf.c}, which Optuna ports too.
 */
final class TruncatedNormal {

    private static final double LOG_SQRT_2PI = 0.5 * Math.log(2 * Math.PI);
    private static final double SQRT_HALF = Math.sqrt(0.5);

    private TruncatedNormal() {
    }

    /** log of the density at {@code x} of N(0, 1) truncated to [a, b]; -inf outside it. */
    static double logPdf(double x, double a, double b) {
        if (a == b) {
            return Double.NaN;
        }
        if (x < a || x > b) {
            return Double.NEGATIVE_INFINITY;
        }
        return normalLogPdf(x) - logGaussMass(a, b);
    }

    /** The quantile {@code q} of N(0, 1) truncated to [a, b]. */
    static double ppf(double q, double a, double b) {
        if (a == b) {
            return Double.NaN;
        }
        if (q == 0) {
            return a;
        }
        if (q == 1) {
            return b;
        }
        // Work in whichever tail is not the far side of the interval, as SciPy does.
        if (a < 0) {
            return inverseLogNdtr(logAddExp(logNdtr(a), Math.log(q) + logGaussMass(a, b)));
        }
        return -inverseLogNdtr(logAddExp(logNdtr(-b), Math.log1p(-q) + logGaussMass(a, b)));
    }

    static double normalLogPdf(double x) {
        return -0.5 * x * x - LOG_SQRT_2PI;
    }

    /** log of the N(0, 1) probability of [a, b]. */
    static double logGaussMass(double a, double b) {
        if (b <= 0) {
            return logDiff(logNdtr(b), logNdtr(a));
        }
        if (a > 0) {
            return logDiff(logNdtr(-a), logNdtr(-b));
        }
        // Straddling 0: the complement of both tails avoids cancellation as the mass nears 1.
        return Math.log1p(-ndtr(a) - ndtr(-b));
    }

    /** The N(0, 1) distribution function. */
    static double ndtr(double a) {
        double x = a * SQRT_HALF;
        if (x < -SQRT_HALF) {
            return 0.5 * erfc(-x);
        }
        if (x < SQRT_HALF) {
            return 0.5 + 0.5 * (x + erfSmallCorrection(x));
        }
        return 1.0 - 0.5 * erfc(x);
    }

    /** log of {@link #ndtr}, with an asymptotic series in the far left tail where ndtr underflows. */
    static double logNdtr(double a) {
        if (a > 6) {
            return -ndtr(-a); // log(1 - e) ~ -e
        }
        if (a > -20) {
            return Math.log(ndtr(a));
        }
        double logLeading = -0.5 * a * a - Math.log(-a) - LOG_SQRT_2PI;
        double inverseSquare = 1 / (a * a);
        double total = 1.0;
        double previous = 0.0;
        double term = 1.0;
        for (int i = 1; Math.abs(previous - total) > Math.ulp(1.0); i++) {
            previous = total;
            term *= -(2 * i - 1) * inverseSquare;
            total += term;
        }
        return logLeading + Math.log(total);
    }

    /**
     * The x with log ndtr(x) = y, searched on [-100, 100] as Optuna does. Optuna bisects 100 times;
     * Newton steps (log ndtr is increasing and concave) reach the same root in a handful of
     * evaluations, with bisection whenever a step would leave the bracket.
     */
    static double inverseLogNdtr(double y) {
        double low = -100;
        double high = 100;
        double x = 0;
        for (int i = 0; i < 200; i++) {
            double logPhi = logNdtr(x);
            if (logPhi == y) {
                return x;
            }
            if (logPhi < y) {
                low = x;
            } else {
                high = x;
            }
            double slope = Math.exp(normalLogPdf(x) - logPhi);
            double next = x - (logPhi - y) / slope;
            if (!(next > low && next < high)) {
                next = 0.5 * (low + high);
            }
            if (next == x || Math.abs(next - x) <= 4 * Math.ulp(x)) {
                return next;
            }
            x = next;
        }
        return x;
    }

    static double logAddExp(double x, double y) {
        double max = Math.max(x, y);
        if (max == Double.NEGATIVE_INFINITY) {
            return max;
        }
        return max + Math.log1p(Math.exp(-Math.abs(x - y)));
    }

    /** log(exp(logP) - exp(logQ)) for logP >= logQ. */
    private static double logDiff(double logP, double logQ) {
        return logP + Math.log1p(-Math.exp(logQ - logP));
    }

    // FreeBSD msun s_erf.c, for the ranges ndtr needs.

    private static final double ERX = 8.45062911510467529297e-01;
    private static final double[] PP = {1.28379167095512558561e-01, -3.25042107247001499370e-01,
        -2.84817495755985104766e-02, -5.77027029648944159157e-03, -2.37630166566501626084e-05};
    private static final double[] QQ = {1.0, 3.97917223959155352819e-01, 6.50222499887672944485e-02,
        5.08130628187576562776e-03, 1.32494738004321644526e-04, -3.96022827877536812320e-06};
    private static final double[] PA = {-2.36211856075265944077e-03, 4.14856118683748331666e-01,
        -3.72207876035701323847e-01, 3.18346619901161753674e-01, -1.10894694282396677476e-01,
        3.54783043256182359371e-02, -2.16637559486879084300e-03};
    private static final double[] QA = {1.0, 1.06420880400844228286e-01, 5.40397917702171048937e-01,
        7.18286544141962662868e-02, 1.26171219808761642112e-01, 1.36370839120290507362e-02,
        1.19844998467991074170e-02};
    private static final double[] RA = {-9.86494403484714822705e-03, -6.93858572707181764372e-01,
        -1.05586262253232909814e01, -6.23753324503260060396e01, -1.62396669462573470355e02,
        -1.84605092906711035994e02, -8.12874355063065934246e01, -9.81432934416914548592e00};
    private static final double[] SA = {1.0, 1.96512716674392571292e01, 1.37657754143519042600e02,
        4.34565877475229228821e02, 6.45387271733267880336e02, 4.29008140027567833386e02,
        1.08635005541779435134e02, 6.57024977031928170135e00, -6.04244152148580987438e-02};
    private static final double[] RB = {-9.86494292470009928597e-03, -7.99283237680523006574e-01,
        -1.77579549177547519889e01, -1.60636384855821916062e02, -6.37566443368389627722e02,
        -1.02509513161107724954e03, -4.83519191608651397019e02};
    private static final double[] SB = {1.0, 3.03380607434824582924e01, 3.25792512996573918826e02,
        1.53672958608443695994e03, 3.19985821950859553908e03, 2.55305040643316442583e03,
        4.74528541206955367215e02, -2.24409524465858183362e01};

    /** erf(x) - x for |x| < 0.84375, kept apart from x for the precision of erfc. */
    private static double erfSmallCorrection(double x) {
        double z = x * x;
        return x * (polynomial(PP, z) / polynomial(QQ, z));
    }

    /** erfc(x) for x >= 0. */
    static double erfc(double x) {
        if (x < 0.84375) {
            double correction = erfSmallCorrection(x);
            return x < 0.25 ? 1 - (x + correction) : 0.5 - ((x - 0.5) + correction);
        }
        if (x < 1.25) {
            double s = x - 1;
            return 1 - ERX - polynomial(PA, s) / polynomial(QA, s);
        }
        if (x >= 28) {
            return 0;
        }
        double s = 1 / (x * x);
        double ratio = x < 1 / 0.35
                ? polynomial(RA, s) / polynomial(SA, s)
                : polynomial(RB, s) / polynomial(SB, s);
        // Splitting x into a short head and a tail keeps exp(-x^2) accurate for large x.
        double head = Double.longBitsToDouble(Double.doubleToRawLongBits(x) & 0xffffffff00000000L);
        return Math.exp(-head * head - 0.5625) * Math.exp((head - x) * (head + x) + ratio) / x;
    }

    /** Horner evaluation of the polynomial with coefficients c[0] + c[1] x + .... */
    private static double polynomial(double[] c, double x) {
        double result = c[c.length - 1];
        for (int i = c.length - 2; i >= 0; i--) {
            result = result * x + c[i];
        }
        return result;
    }
}
