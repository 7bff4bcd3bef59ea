package io.vixlab.report.service;

/** A study's report cannot be built (yet); the message says what is missing. */
public class ReportUnavailableException extends RuntimeException {

    public ReportUnavailableException(String message) {
        super(message);
    }
}
