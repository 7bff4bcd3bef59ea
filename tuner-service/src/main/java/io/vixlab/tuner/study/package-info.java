/**
 * The ask/tell API of a minimizing study, plain Java: {@link io.vixlab.tuner.study.StudyOptimizer}
 * hands out {@link io.vixlab.tuner.study.Trial}s with proposed parameters and records reports and
 * results as immutable {@link io.vixlab.tuner.study.FrozenTrial}s. Storage stays with the caller,
 * which can start a study from the trials it loaded.
 */
package io.vixlab.tuner.study;
