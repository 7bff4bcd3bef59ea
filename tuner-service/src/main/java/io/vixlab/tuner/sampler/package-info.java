/**
 * Samplers with Optuna semantics: {@link io.vixlab.tuner.sampler.RandomSampler}, the univariate or
 * multivariate {@link io.vixlab.tuner.sampler.TpeSampler} (3.x; the multivariate kernel widths are
 * current Optuna's), and the Gaussian-process
 * {@link io.vixlab.tuner.sampler.GpSampler} (in the spirit of 4.x's {@code GPSampler}; its own
 * differences are on the class). Where they knowingly differ from Optuna:
 * <ul>
 *   <li>randomness is derived from the seed and the trial number instead of one generator that
 *       advances with every call, so proposals survive a restart that reloads the trials; the
 *       numbers drawn are therefore not numpy's, only the distributions are the same;</li>
 *   <li>the inverse normal distribution function is solved by safeguarded Newton steps rather
 *       than 100 bisections, to the same root;</li>
 *   <li>identical kernels of a Parzen estimator are merged (summing their weights), which leaves
 *       the density unchanged and makes asks on int grids fast;</li>
 *   <li>a trial whose stored value is not a point of the current domain is left out of the
 *       estimators instead of failing the ask.</li>
 * </ul>
 */
package io.vixlab.tuner.sampler;
