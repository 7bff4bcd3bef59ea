package io.vixlab.contracts.market;

import io.vixlab.contracts.Event;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One daily bar of one symbol, on {@code market.bars} with key {@link #key()}. VVIX is published
 * by CBOE as a close only, so open, high and low are absent for it.
 *
 * @param source where the bar came from ({@code snapshot}, {@code cboe}, {@code file:...})
 */
public record MarketBar(
        int schemaVersion,
        String symbol,
        LocalDate date,
        Double open,
        Double high,
        Double low,
        double close,
        String source,
        Instant ingestedAt) implements Event {

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
}
