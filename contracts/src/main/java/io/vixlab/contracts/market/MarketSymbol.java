package io.vixlab.contracts.market;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The symbols the platform knows, with what a plausible bar of each looks like: not dated before the
 * symbol's first published day (CBOE's history files), not after today, with open, high and low where the
 * symbol has them, and no value above a ceiling of about ten times the highest close so far (VIX 82.69 on
 * 2020-03-16, VVIX about 210), which only a corrupt or hostile file reaches. data-ingest refuses other files and feature-service dead-letters other bars.
 */
public enum MarketSymbol {
    /** CBOE's VIX: daily open, high, low and close since 1990-01-02. */
    VIX(LocalDate.of(1990, 1, 2), true, 1000),
    /** CBOE's VVIX: a daily close only, since 2006-03-06. */
    VVIX(LocalDate.of(2006, 3, 6), false, 2000);

    private final LocalDate firstDay;
    private final boolean hasOhlc;
    private final double maxValue;

    MarketSymbol(LocalDate firstDay, boolean hasOhlc, double maxValue) {
        this.firstDay = firstDay;
        this.hasOhlc = hasOhlc;
        this.maxValue = maxValue;
    }

    /** Why a price of this symbol cannot be {@code value}, or empty when it can. */
    public Optional<String> valueProblem(double value) {
        return value > maxValue
                ? Optional.of(value + " is above " + name() + "'s plausible maximum of " + maxValue)
                : Optional.empty();
    }

    public LocalDate firstDay() {
        return firstDay;
    }

    /** Whether the symbol's bars carry open, high and low besides the close. */
    public boolean hasOhlc() {
        return hasOhlc;
    }

    /** The symbol of exactly this code (upper case, as on {@code market.bars}). */
    public static Optional<MarketSymbol> of(String code) {
        return Arrays.stream(values()).filter(symbol -> symbol.name().equals(code)).findFirst();
    }

    /** Why a bar of this symbol cannot be dated {@code date}, or empty when it can. */
    public Optional<String> dateProblem(LocalDate date, LocalDate today) {
        if (date.isBefore(firstDay)) {
            return Optional.of(date + " is before " + name() + "'s first published day " + firstDay);
        }
        if (date.isAfter(today)) {
            return Optional.of(afterToday(date, today));
        }
        return Optional.empty();
    }

    /**
     * Why a bar of the symbol {@code code} cannot be dated {@code date}: after today for any symbol, before the
     * first published day for a symbol of this catalogue.
     */
    public static Optional<String> dateProblem(String code, LocalDate date, LocalDate today) {
        return of(code).map(symbol -> symbol.dateProblem(date, today))
                .orElseGet(() -> date.isAfter(today) ? Optional.of(afterToday(date, today)) : Optional.empty());
    }

    private static String afterToday(LocalDate date, LocalDate today) {
        return date + " is after today (" + today + ")";
    }

    /**
     * Why a bar as consumed from {@code market.bars} is not plausible, or empty when it is.
     *
     * @param accepted the symbol codes the consumer accepts
     */
    public static Optional<String> problemWith(MarketBar bar, Collection<String> accepted, LocalDate today) {
        if (!accepted.contains(bar.symbol())) {
            return Optional.of("symbol " + bar.symbol() + " is not accepted; accepted are " + String.join(", ", accepted));
        }
        Optional<String> date = dateProblem(bar.symbol(), bar.date(), today);
        if (date.isPresent()) {
            return date;
        }
        Optional<MarketSymbol> known = of(bar.symbol());
        if (known.filter(MarketSymbol::hasOhlc).isPresent()
                && (bar.open() == null || bar.high() == null || bar.low() == null)) {
            return Optional.of(bar.symbol() + " bars need open, high and low besides the close");
        }
        return known.flatMap(symbol -> Stream.of(bar.open(), bar.high(), bar.low(), bar.close())
                .filter(Objects::nonNull)
                .flatMap(value -> symbol.valueProblem(value).stream())
                .findFirst());
    }
}
