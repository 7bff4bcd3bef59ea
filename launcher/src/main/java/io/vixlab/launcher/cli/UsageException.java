package io.vixlab.launcher.cli;

/** A command line that cannot be run; the message says why, {@link RunOptionsParser#USAGE} says how. */
public final class UsageException extends RuntimeException {

    public UsageException(String message) {
        super(message);
    }
}
