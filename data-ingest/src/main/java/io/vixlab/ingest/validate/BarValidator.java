package io.vixlab.ingest.validate;

import io.vixlab.contracts.MessageLimits;
import io.vixlab.ingest.IngestWarning;
import io.vixlab.ingest.InvalidFileException;
import io.vixlab.ingest.RowLocation;
import io.vixlab.ingest.parse.Columns;
import io.vixlab.ingest.parse.ParsedRow;
import io.vixlab.ingest.parse.ParsedSeries;
import io.vixlab.contracts.market.MarketSymbol;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Checks that parsed rows make sense; the first violation fails the whole file.
 * <ul>
 *   <li>the symbol is one of the accepted ones ({@code vixlab.ingest.symbols}); a {@link MarketSymbol} with
 *       open, high and low (VIX) must come with them, so a close-only file cannot replace its bars;</li>
 *   <li>no date lies after today (by the clock), nor before a {@link MarketSymbol}'s first published day,
 *       and no value above its plausible maximum;</li>
 *   <li>every value is positive;</li>
 *   <li>high is not below low, and the close lies within [low, high];</li>
 *   <li>the open lies within [low, high] for days from {@code openCheckedFrom} on. CBOE's VIX history has
 *       47 days from 1992-02-11 to 2006-02-08 whose open lies outside the day's range (e.g. 2004-11-08
 *       open 2.58 with low 13.68, 2006-02-08 open 41.60 with high 13.61) while close, high and low agree;
 *       before that date such a row is kept with a warning, so the real history loads and a broken open in
 *       a current file still fails;</li>
 *   <li>dates ascend strictly. A repeated day with identical values is dropped with a warning (a file
 *       joined from overlapping downloads repeats days harmlessly); with different values it is an error,
 *       since there is no telling which one is right.</li>
 * </ul>
 */
public final class BarValidator {

    /** The first day whose open must lie within the day's range; see the class comment. */
    public static final LocalDate DEFAULT_OPEN_CHECKED_FROM = LocalDate.of(2007, 1, 1);

    /** The symbols accepted when none are configured: the platform's catalogue. */
    public static final List<String> DEFAULT_SYMBOLS = Arrays.stream(MarketSymbol.values()).map(Enum::name).toList();

    private final LocalDate openCheckedFrom;
    private final List<String> symbols;
    private final Clock clock;

    /**
     * @param symbols the accepted symbols
     * @param clock   what today is, for refusing dates after it
     */
    public BarValidator(LocalDate openCheckedFrom, List<String> symbols, Clock clock) {
        this.openCheckedFrom = openCheckedFrom;
        this.symbols = List.copyOf(symbols);
        this.clock = clock;
    }

    public BarValidator(LocalDate openCheckedFrom) {
        this(openCheckedFrom, DEFAULT_SYMBOLS, Clock.systemUTC());
    }

    public BarValidator() {
        this(DEFAULT_OPEN_CHECKED_FROM);
    }

    /** @throws InvalidFileException naming file, row and field of the first violation */
    public ValidatedSeries validate(ParsedSeries series) {
        checkSymbol(series);
        LocalDate today = LocalDate.now(clock);
        List<ParsedRow> accepted = new ArrayList<>();
        List<IngestWarning> warnings = new ArrayList<>();
        ParsedRow previous = null;
        for (ParsedRow row : series.rows()) {
            Optional<String> date = MarketSymbol.dateProblem(series.symbol(), row.date(), today);
            if (date.isPresent()) {
                throw new InvalidFileException(new RowLocation(series.file(), row.line(), series.columns().date()),
                        date.get());
            }
            checkPositive(series, row);
            if (row.hasOhlc()) {
                checkRange(series, row, warnings);
            }
            if (previous != null && !row.date().isAfter(previous.date())) {
                RowLocation location = new RowLocation(series.file(), row.line(), series.columns().date());
                if (!row.date().equals(previous.date())) {
                    throw new InvalidFileException(location, row.date() + " comes after " + previous.date()
                            + " on row " + previous.line() + "; rows must be in ascending date order");
                }
                if (!row.sameValues(previous)) {
                    throw new InvalidFileException(location, row.date()
                            + " appears again with different values (first on row " + previous.line() + ")");
                }
                warnings.add(new IngestWarning(location, "identical duplicate of row " + previous.line() + ", ignored"));
                continue;
            }
            accepted.add(row);
            previous = row;
        }
        return new ValidatedSeries(series.symbol(), series.file(), series.columns(), accepted, List.of(), warnings);
    }

    private void checkSymbol(ParsedSeries series) {
        if (!symbols.contains(series.symbol())) {
            throw new InvalidFileException(RowLocation.ofFile(series.file()), "symbol " + MessageLimits.quoted(series.symbol())
                    + " (from the file name) is not accepted; accepted are " + String.join(", ", symbols));
        }
        boolean closeOnly = series.columns().open() == null;
        if (closeOnly && MarketSymbol.of(series.symbol()).filter(MarketSymbol::hasOhlc).isPresent()) {
            throw new InvalidFileException(new RowLocation(series.file(), 1, "OPEN"), series.symbol()
                    + " needs OPEN, HIGH, LOW and CLOSE columns; this file has a close only");
        }
    }

    private static void checkPositive(ParsedSeries series, ParsedRow row) {
        Columns columns = series.columns();
        if (row.hasOhlc()) {
            requirePlausibleValue(series, row, columns.open(), row.open());
            requirePlausibleValue(series, row, columns.high(), row.high());
            requirePlausibleValue(series, row, columns.low(), row.low());
        }
        requirePlausibleValue(series, row, columns.close(), row.close());
    }

    private static void requirePlausibleValue(ParsedSeries series, ParsedRow row, String field, double value) {
        RowLocation location = new RowLocation(series.file(), row.line(), field);
        if (value <= 0) {
            throw new InvalidFileException(location, "must be positive, was " + value);
        }
        MarketSymbol.of(series.symbol()).flatMap(symbol -> symbol.valueProblem(value)).ifPresent(problem -> {
            throw new InvalidFileException(location, problem);
        });
    }

    private void checkRange(ParsedSeries series, ParsedRow row, List<IngestWarning> warnings) {
        if (row.high() < row.low()) {
            throw new InvalidFileException(new RowLocation(series.file(), row.line(), series.columns().high()),
                    "high " + row.high() + " is below low " + row.low());
        }
        Optional<IngestWarning> close = outsideRange(series, row, series.columns().close(), row.close());
        if (close.isPresent()) {
            throw new InvalidFileException(close.get().location(), close.get().message());
        }
        Optional<IngestWarning> open = outsideRange(series, row, series.columns().open(), row.open());
        if (open.isPresent()) {
            if (!row.date().isBefore(openCheckedFrom)) {
                throw new InvalidFileException(open.get().location(), open.get().message());
            }
            warnings.add(new IngestWarning(open.get().location(),
                    open.get().message() + "; kept, opens before " + openCheckedFrom + " are not checked"));
        }
    }

    /** The finding when {@code value} lies outside the row's [low, high], to be raised or reported. */
    private static Optional<IngestWarning> outsideRange(ParsedSeries series, ParsedRow row, String field,
            double value) {
        String name = field.toLowerCase(Locale.ROOT);
        if (row.low() > value) {
            return Optional.of(new IngestWarning(new RowLocation(series.file(), row.line(), series.columns().low()),
                    "low " + row.low() + " is above " + name + " " + value));
        }
        if (row.high() < value) {
            return Optional.of(new IngestWarning(new RowLocation(series.file(), row.line(), series.columns().high()),
                    "high " + row.high() + " is below " + name + " " + value));
        }
        return Optional.empty();
    }
}
