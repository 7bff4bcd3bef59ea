package io.vixlab.contracts.market;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/**
 * What one ingest run saw of one symbol.
 *
 * @param rows valid rows read from the source
 * @param changed rows that were new or different from what was stored (and so were published)
 * @param excluded rows left out by the plausibility rule
 */
public record SymbolRange(
        @NotNull @Size(min = 1) String symbol,
        @NotNull LocalDate firstDate,
        @NotNull LocalDate lastDate,
        @PositiveOrZero int rows,
        @PositiveOrZero int changed,
        @PositiveOrZero int excluded) {
}
