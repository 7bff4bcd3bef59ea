package io.vixlab.ingest;

/**
 * Why an ingest run cannot go on: a source that cannot be read or a file that fails validation. A run
 * that meets one stores nothing and reports the message, so messages are written for the person who
 * has to fix the input.
 */
public class IngestException extends RuntimeException {

    public IngestException(String message) {
        super(message);
    }

    public IngestException(String message, Throwable cause) {
        super(message, cause);
    }
}
