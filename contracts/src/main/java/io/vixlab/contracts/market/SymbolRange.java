package io.vixlab.contracts.market;

import java.time.LocalDate;

/**
 * What one ingest run saw of one symbol.
 *
 * @param rows valid rows read from the source
 * @param changed rows that were new or different from what was stored (and so were published)
 * @param excluded rows left out by the plausibility rule
 */
public record SymbolRange(String symbol, LocalDate firstDate, LocalDate lastDate, int rows, int changed, int excluded) {
}
