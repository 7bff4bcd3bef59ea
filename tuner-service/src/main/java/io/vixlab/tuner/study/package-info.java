/**
 * The study loop's pure core, plain Java: {@link io.vixlab.tuner.study.StudyCore} takes a study as
 * loaded ({@link io.vixlab.tuner.study.StudySnapshot}), one event and the time, changes the snapshot
 * and returns the messages to send. Samplers and pruners read its trials as immutable
 * {@link io.vixlab.tuner.study.FrozenTrial}s. Storage, the broker and the clock stay with the caller.
 */
package io.vixlab.tuner.study;
