package io.vixlab.tuner.study;

/** A stored plan that this tuner cannot run (an older tuner may have stored it): its study fails to start. */
public class UnrunnablePlanException extends IllegalArgumentException {

    public UnrunnablePlanException(String message) {
        super(message);
    }
}
