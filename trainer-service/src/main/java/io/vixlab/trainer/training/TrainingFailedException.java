package io.vixlab.trainer.training;

/** Training could not produce a usable model (e.g. the loss became NaN); the message says why. */
public final class TrainingFailedException extends RuntimeException {

    public TrainingFailedException(String message) {
        super(message);
    }
}
