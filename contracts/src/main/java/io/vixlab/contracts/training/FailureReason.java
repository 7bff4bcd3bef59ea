package io.vixlab.contracts.training;

/**
 * Why a run failed, as {@link TrialResult#error()} and {@link ModelResult#error()} carry it. A reason
 * may quote a hand-published request (an architecture's name, a dataset id), so it is capped: an
 * event never echoes an unbounded input.
 */
public final class FailureReason {

    /** Enough for every reason the trainer gives, with the values it quotes. */
    public static final int MAX_LENGTH = 500;

    private FailureReason() {
    }

    /** The reason, cut to {@link #MAX_LENGTH} characters with an ellipsis; null stays null. */
    public static String capped(String reason) {
        if (reason == null || reason.length() <= MAX_LENGTH) {
            return reason;
        }
        return reason.substring(0, MAX_LENGTH - 1) + "…";
    }
}
