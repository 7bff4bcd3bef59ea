package io.vixlab.trainer.service;

import io.vixlab.contracts.Event;
import io.vixlab.contracts.MessageLimits;

/**
 * How a trial or final attempt is answered: the result event, and for a request that could not be
 * trained the reason it also goes to the dead-letter topic (null otherwise).
 */
public record Answer<T extends Event>(T result, String deadLetterReason) {

    /** An answer that is only published: the request was trainable, whatever the outcome. */
    public static <T extends Event> Answer<T> of(T result) {
        return new Answer<>(result, null);
    }

    /**
     * An answer to a request that could not be trained: published, then the request is rejected as
     * poison, the reason capped as the result's.
     */
    public static <T extends Event> Answer<T> rejected(T result, String reason) {
        return new Answer<>(result, MessageLimits.capped(reason));
    }
}
