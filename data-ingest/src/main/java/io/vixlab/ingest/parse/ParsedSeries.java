package io.vixlab.ingest.parse;

import java.util.List;

/** The rows of one file of one symbol, in file order. */
public record ParsedSeries(String symbol, String file, Columns columns, List<ParsedRow> rows) {

    public ParsedSeries {
        rows = List.copyOf(rows);
    }
}
