package io.vixlab.ingest;

/** A file that fails parsing or validation; the message reads {@code <file>, row <n>, field <F>: <reason>}. */
public class InvalidFileException extends IngestException {

    private final RowLocation location;
    private final String reason;

    public InvalidFileException(RowLocation location, String reason) {
        super(location + ": " + reason);
        this.location = location;
        this.reason = reason;
    }

    public RowLocation location() {
        return location;
    }

    public String reason() {
        return reason;
    }
}
