package io.vixlab.trainer.service;

/**
 * A trial or final that cannot be trained as asked: unknown architecture, a parameter outside the
 * search space, an unknown or corrupt dataset, unusable training settings. It is answered with a
 * FAILED result naming the reason, and the request is rejected as poison with that reason.
 */
public final class RejectedRunException extends RuntimeException {

    public RejectedRunException(String reason) {
        super(reason);
    }
}
