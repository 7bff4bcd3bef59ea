package io.vixlab.ingest.validate;

import io.vixlab.ingest.IngestWarning;
import io.vixlab.ingest.parse.Columns;
import io.vixlab.ingest.parse.ParsedRow;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The rows of one file that passed validation, in ascending date order without duplicates.
 *
 * @param rows     the rows to store
 * @param excluded valid rows that the plausibility rule left out
 * @param warnings what was accepted but is worth a look
 */
public record ValidatedSeries(String symbol, String file, Columns columns, List<ParsedRow> rows,
        List<ParsedRow> excluded, List<IngestWarning> warnings) {

    public ValidatedSeries {
        rows = List.copyOf(rows);
        excluded = List.copyOf(excluded);
        warnings = List.copyOf(warnings);
    }

    public LocalDate firstDate() {
        return Stream.concat(rows.stream(), excluded.stream()).map(ParsedRow::date).min(Comparator.naturalOrder()).orElseThrow();
    }

    public LocalDate lastDate() {
        return Stream.concat(rows.stream(), excluded.stream()).map(ParsedRow::date).max(Comparator.naturalOrder()).orElseThrow();
    }

    /** Valid distinct days read, stored or excluded. */
    public int rowCount() {
        return rows.size() + excluded.size();
    }
}
