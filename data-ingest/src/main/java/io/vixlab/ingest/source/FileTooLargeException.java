package io.vixlab.ingest.source;

/** A source whose files are larger than {@code vixlab.ingest.max-file-size}: refused before it is read whole. */
public class FileTooLargeException extends SourceUnavailableException {

    public FileTooLargeException(String file, long maxBytes) {
        super(file + ": larger than the limit of " + maxBytes + " bytes (vixlab.ingest.max-file-size)");
    }
}
