package io.vixlab.contracts.market;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import io.vixlab.contracts.Event;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * One daily bar of one symbol, on {@code market.bars} with key {@link #key()}; a record with that key and no
 * value (a tombstone) says the bar was deleted. VVIX is published
 * by CBOE as a close only, so open, high and low are absent for it.
 *
 * @param source where the bar came from ({@code snapshot}, {@code cboe}, {@code file:...})
 */
@JsonClassDescription("One daily bar on market.bars, key SYMBOL:yyyy-mm-dd. VVIX has a close only.")
public record MarketBar(
        int schemaVersion,
        @NotNull @Pattern(regexp = "^[A-Z0-9^._-]{1,20}$") String symbol,
        @NotNull LocalDate date,
        @Positive Double open,
        @Positive Double high,
        @Positive Double low,
        @Positive double close,
        @NotNull @Size(min = 1) String source,
        @NotNull Instant ingestedAt) implements Event {

    public static final int SCHEMA_VERSION = 1;

    public static MarketBar of(String symbol, LocalDate date, Double open, Double high, Double low, double close,
            String source, Instant ingestedAt) {
        return new MarketBar(SCHEMA_VERSION, symbol, date, open, high, low, close, source, ingestedAt);
    }

    /** The compaction key: {@code SYMBOL:yyyy-mm-dd}. */
    public String key() {
        return key(symbol, date);
    }

    public static String key(String symbol, LocalDate date) {
        return symbol + ":" + date;
    }

    /** A {@link #key()} read back, e.g. from a tombstone (a key without value: the bar was deleted). */
    public record Key(String symbol, LocalDate date) {

        private static final int MAX_QUOTED = 60;

        /** @throws IllegalArgumentException when the text is not {@code SYMBOL:yyyy-mm-dd} */
        public static Key parse(String key) {
            int colon = key == null ? -1 : key.lastIndexOf(':');
            try {
                if (colon > 0) {
                    return new Key(key.substring(0, colon), LocalDate.parse(key.substring(colon + 1)));
                }
            } catch (DateTimeParseException e) {
                // answered below, like a key without a colon
            }
            String quoted = key == null || key.length() <= MAX_QUOTED ? key : key.substring(0, MAX_QUOTED) + "…";
            throw new IllegalArgumentException("'" + quoted + "' is not a bar key SYMBOL:yyyy-mm-dd");
        }
    }
}
