package io.vixlab.tuner.sampler;

import java.util.function.IntFunction;

/**
 * The settings that shape a {@link ParzenEstimator}, Optuna's {@code _ParzenEstimatorParameters}
 * for univariate TPE with the prior always on.
 *
 * @param priorWeight       weight of the prior kernel against the observations' weights
 * @param considerMagicClip whether kernel widths are clipped below at range / min(100, 1 + kernels)
 * @param considerEndpoints whether the outermost kernels may widen up to the domain's bounds
 * @param weights           n -> the weights of n observations, oldest first
 */
record ParzenEstimatorParameters(
        double priorWeight,
        boolean considerMagicClip,
        boolean considerEndpoints,
        IntFunction<double[]> weights) {
}
