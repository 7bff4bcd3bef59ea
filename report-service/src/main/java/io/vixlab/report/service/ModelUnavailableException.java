package io.vixlab.report.service;

/** A final model cannot be downloaded; the message says what is missing. */
public class ModelUnavailableException extends RuntimeException {

    public ModelUnavailableException(String message) {
        super(message);
    }
}
