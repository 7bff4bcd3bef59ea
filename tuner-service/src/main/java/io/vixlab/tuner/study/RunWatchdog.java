package io.vixlab.tuner.study;

import java.time.Duration;
import java.time.Instant;

/**
 * The one rule for a running attempt of a trial or a final training. Until it reports progress it
 * is queued behind other runs, not stalled, and gets {@code queuedTimeout} from its issue; once it
 * has started it gets {@code staleAfter} from its last progress. When its limit runs out it is
 * issued again as a new attempt or, after the last attempt, given up with a reason naming the limit.
 */
public final class RunWatchdog {

    /**
     * @param staleAfter    an attempt that started and then reported nothing this long is re-issued
     * @param queuedTimeout an attempt that has not started this long after its issue is re-issued
     * @param maxAttempts   attempts a run gets before it fails
     */
    public record Limits(Duration staleAfter, Duration queuedTimeout, int maxAttempts) {
    }

    public enum Action { WAIT, REISSUE, GIVE_UP }

    /**
     * What to do with an attempt now.
     *
     * @param lapse why its limit ran out ({@code queued for PT2H without starting}); null to wait
     * @param reason for {@link Action#GIVE_UP}, the run's failure reason
     */
    public record Verdict(Action action, String lapse, String reason) {
        static final Verdict WAIT = new Verdict(Action.WAIT, null, null);
    }

    private final Limits limits;

    public RunWatchdog(Limits limits) {
        this.limits = limits;
    }

    /**
     * @param started whether the attempt has reported progress
     * @param since   its issue time while it is queued, its last progress once it has started
     */
    public Verdict check(int attempt, boolean started, Instant since, Instant now) {
        Duration limit = started ? limits.staleAfter() : limits.queuedTimeout();
        if (!since.isBefore(now.minus(limit))) {
            return Verdict.WAIT;
        }
        String lapse = started ? "no progress for " + limit : "queued for " + limit + " without starting";
        if (attempt < limits.maxAttempts()) {
            return new Verdict(Action.REISSUE, lapse, null);
        }
        // max-attempts may have been lowered since the attempt was issued
        return new Verdict(Action.GIVE_UP, lapse,
                lapse + " in attempt " + attempt + " of " + Math.max(attempt, limits.maxAttempts()));
    }
}
