package io.vixlab.ingest.parse;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One data row with its values read, not yet checked for sense.
 *
 * @param line the 1-based physical line of the file (the header is line 1)
 * @param open null, like high and low, in a close-only layout
 */
public record ParsedRow(int line, LocalDate date, Double open, Double high, Double low, double close) {

    public boolean hasOhlc() {
        return open != null;
    }

    /** Whether two rows carry the same values, wherever they were read. */
    public boolean sameValues(ParsedRow other) {
        return date.equals(other.date)
                && Objects.equals(open, other.open)
                && Objects.equals(high, other.high)
                && Objects.equals(low, other.low)
                && Double.compare(close, other.close) == 0;
    }
}
