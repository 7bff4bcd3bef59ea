package io.vixlab.ingest;

/** Something in an accepted file that a person should know about, e.g. a point the plausibility rule flagged. */
public record IngestWarning(RowLocation location, String message) {

    @Override
    public String toString() {
        return location + ": " + message;
    }
}
