package io.vixlab.ingest.messaging.out;

/** Events that the broker did not acknowledge in time. */
public class PublishException extends RuntimeException {

    public PublishException(String message, Throwable cause) {
        super(message, cause);
    }
}
