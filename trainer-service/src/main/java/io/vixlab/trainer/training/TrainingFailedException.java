package io.vixlab.trainer.training;

/** Training could not produce a usable model (e.g. the loss became NaN); the message says why. */
public final class TrainingFailedException extends RuntimeException {

    public TrainingFailedException(String message) {
        super(message);
    }

    /**
     * The reason to publish for an unexpected error: its kind only, since its message may carry
     * server paths or input; the trainer's log has the whole of it.
     */
    public static String unexpected(Exception e) {
        return "training error (" + e.getClass().getSimpleName() + "); the trainer's log has the details";
    }
}
