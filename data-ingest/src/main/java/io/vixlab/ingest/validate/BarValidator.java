package io.vixlab.ingest.validate;

import io.vixlab.ingest.IngestWarning;
import io.vixlab.ingest.InvalidFileException;
import io.vixlab.ingest.RowLocation;
import io.vixlab.ingest.parse.Columns;
import io.vixlab.ingest.parse.ParsedRow;
import io.vixlab.ingest.parse.ParsedSeries;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Checks that parsed rows make sense; the first violation fails the whole file.
 * <ul>
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

    private final LocalDate openCheckedFrom;

    public BarValidator(LocalDate openCheckedFrom) {
        this.openCheckedFrom = openCheckedFrom;
    }

    public BarValidator() {
        this(DEFAULT_OPEN_CHECKED_FROM);
    }

    /** @throws InvalidFileException naming file, row and field of the first violation */
    public ValidatedSeries validate(ParsedSeries series) {
        List<ParsedRow> accepted = new ArrayList<>();
        List<IngestWarning> warnings = new ArrayList<>();
        ParsedRow previous = null;
        for (ParsedRow row : series.rows()) {
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

    private static void checkPositive(ParsedSeries series, ParsedRow row) {
        Columns columns = series.columns();
        if (row.hasOhlc()) {
            requirePositive(series, row, columns.open(), row.open());
            requirePositive(series, row, columns.high(), row.high());
            requirePositive(series, row, columns.low(), row.low());
        }
        requirePositive(series, row, columns.close(), row.close());
    }

    private static void requirePositive(ParsedSeries series, ParsedRow row, String field, double value) {
        if (value <= 0) {
            throw new InvalidFileException(new RowLocation(series.file(), row.line(), field),
                    "must be positive, was " + value);
        }
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
