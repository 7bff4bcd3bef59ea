package io.vixlab.ingest.source;

import io.vixlab.ingest.IngestException;

/** A source that could not deliver its files (missing file, network error, HTTP error status). */
public class SourceUnavailableException extends IngestException {

    public SourceUnavailableException(String message) {
        super(message);
    }

    public SourceUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
