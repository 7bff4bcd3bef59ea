package io.vixlab.ingest.messaging;

/** Events that the broker did not acknowledge in time. */
public class PublishException extends RuntimeException {

    public PublishException(String message, Throwable cause) {
        super(message, cause);
    }
}
