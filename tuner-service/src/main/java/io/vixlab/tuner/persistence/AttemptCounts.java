package io.vixlab.tuner.persistence;

/**
 * Runs (trials or final trainings) by where their current attempt stands: queued (issued, no
 * progress yet: waiting for a trainer) or started (progress reported, no answer yet).
 */
public record AttemptCounts(long queued, long started) {

    /** From a query's {@code count} of runs and its count of those that started. */
    static AttemptCounts of(Object[] totalAndStarted) {
        long total = ((Number) totalAndStarted[0]).longValue();
        long started = ((Number) totalAndStarted[1]).longValue();
        return new AttemptCounts(total - started, started);
    }
}
