package io.vixlab.ingest.parse;

import io.vixlab.contracts.MessageLimits;
import io.vixlab.ingest.InvalidFileException;
import io.vixlab.ingest.RowLocation;
import io.vixlab.ingest.source.SourceFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a daily history CSV by its header, whose names are matched case-insensitively and whose extra
 * columns are ignored. Accepted layouts:
 * <ul>
 *   <li>CBOE's {@code DATE,OPEN,HIGH,LOW,CLOSE} (VIX);</li>
 *   <li>CBOE's close-only {@code DATE,<SYMBOL>} such as {@code DATE,VVIX}, or {@code DATE,CLOSE};</li>
 *   <li>the common {@code Date,Open,High,Low,Close,Adj Close,Volume} (the close, not the adjusted close, is read).</li>
 * </ul>
 * Dates are {@code MM/DD/YYYY} (CBOE) or ISO {@code YYYY-MM-DD}, resolved strictly (no February 30).
 * Numbers are plain decimals; NaN and infinities are refused. Sense checks (signs, OHLC order, date order)
 * belong to {@link io.vixlab.ingest.validate.BarValidator}.
 */
public final class CsvBarParser {

    private static final String DATE = "DATE";
    private static final String CLOSE = "CLOSE";
    private static final List<String> OPEN_HIGH_LOW = List.of("OPEN", "HIGH", "LOW");
    private static final int HEADER_LINE = 1;

    private static final DateTimeFormatter US_DATE =
            DateTimeFormatter.ofPattern("M/d/uuuu").withResolverStyle(ResolverStyle.STRICT);
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");
    private static final Pattern NON_FINITE = Pattern.compile("[+-]?(nan|inf|infinity)", Pattern.CASE_INSENSITIVE);
    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder()
            .setIgnoreSurroundingSpaces(true)
            .setIgnoreEmptyLines(true)
            .get();

    /** @throws InvalidFileException naming file, row and field of the first problem found */
    public ParsedSeries parse(SourceFile file) {
        String content = withoutByteOrderMark(file.content());
        if (content.isBlank()) {
            throw new InvalidFileException(RowLocation.ofRow(file.name(), HEADER_LINE),
                    "empty file, expected a header such as DATE,OPEN,HIGH,LOW,CLOSE");
        }
        if (content.stripLeading().startsWith("<")) {
            throw new InvalidFileException(RowLocation.ofRow(file.name(), HEADER_LINE), "an HTML page instead of CSV");
        }
        try (CSVParser csv = CSVParser.parse(content, FORMAT)) {
            return read(file, csv);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // parsing a String does no I/O
        }
    }

    private static ParsedSeries read(SourceFile file, CSVParser csv) {
        Iterator<CSVRecord> records = csv.iterator();
        int lastLine = 0;
        try {
            Layout layout = Layout.of(file, records.next().toList());
            lastLine = (int) csv.getCurrentLineNumber();
            List<ParsedRow> rows = new ArrayList<>();
            while (records.hasNext()) {
                CSVRecord record = records.next();
                // the parser's line counter stands on the line the record ended on, which for a daily bar
                // (never a quoted line break) is the line it is on; blank lines are counted too
                lastLine = (int) csv.getCurrentLineNumber();
                rows.add(layout.read(file.name(), record, lastLine));
            }
            if (rows.isEmpty()) {
                throw new InvalidFileException(RowLocation.ofRow(file.name(), lastLine + 1), "no data rows after the header");
            }
            return new ParsedSeries(file.symbol(), file.name(), layout.columns(), rows);
        } catch (UncheckedIOException e) {
            // commons-csv reports broken quoting this way; the broken record starts after the last good one
            throw new InvalidFileException(RowLocation.ofRow(file.name(), lastLine + 1),
                    "not readable as CSV: " + MessageLimits.capped(e.getCause().getMessage()));
        }
    }

    private static String withoutByteOrderMark(String content) {
        return content.startsWith("\uFEFF") ? content.substring(1) : content;
    }

    /** Where each value sits in a row, resolved from the header. */
    private record Layout(Columns columns, int width, int date, int close, int[] openHighLow) {

        static Layout of(SourceFile file, List<String> header) {
            Map<String, Integer> indexes = new HashMap<>();
            for (int i = 0; i < header.size(); i++) {
                String name = header.get(i).toUpperCase(Locale.ROOT);
                if (indexes.putIfAbsent(name, i) != null) {
                    throw headerProblem(file, MessageLimits.quoted(header.get(i)), "the column appears twice in the header " + headerText(header));
                }
            }
            Integer date = indexes.get(DATE);
            if (date == null) {
                throw headerProblem(file, DATE, "missing column; the header is " + headerText(header));
            }
            String symbolColumn = file.symbol().toUpperCase(Locale.ROOT);
            Integer close = indexes.containsKey(CLOSE) ? indexes.get(CLOSE) : indexes.get(symbolColumn);
            if (close == null) {
                throw headerProblem(file, CLOSE, "missing column, expected " + CLOSE + " or " + symbolColumn
                        + "; the header is " + headerText(header));
            }
            List<String> present = OPEN_HIGH_LOW.stream().filter(indexes::containsKey).toList();
            if (present.isEmpty()) {
                return new Layout(new Columns(header.get(date), null, null, null, header.get(close)),
                        header.size(), date, close, null);
            }
            for (String name : OPEN_HIGH_LOW) {
                if (!indexes.containsKey(name)) {
                    throw headerProblem(file, name, "missing column; OPEN, HIGH and LOW come together, the header is "
                            + headerText(header));
                }
            }
            int[] openHighLow = OPEN_HIGH_LOW.stream().mapToInt(indexes::get).toArray();
            Columns columns = new Columns(header.get(date), header.get(openHighLow[0]), header.get(openHighLow[1]),
                    header.get(openHighLow[2]), header.get(close));
            return new Layout(columns, header.size(), date, close, openHighLow);
        }

        private static String headerText(List<String> header) {
            return MessageLimits.quoted(String.join(",", header));
        }

        private static InvalidFileException headerProblem(SourceFile file, String field, String reason) {
            return new InvalidFileException(new RowLocation(file.name(), HEADER_LINE, field), reason);
        }

        ParsedRow read(String file, CSVRecord record, int line) {
            if (record.size() != width) {
                throw new InvalidFileException(RowLocation.ofRow(file, line),
                        "expected " + width + " fields as in the header, found " + record.size());
            }
            LocalDate day = parseDate(new RowLocation(file, line, columns.date()), record.get(date));
            double closeValue = parseNumber(new RowLocation(file, line, columns.close()), record.get(close));
            if (openHighLow == null) {
                return new ParsedRow(line, day, null, null, null, closeValue);
            }
            return new ParsedRow(line, day,
                    parseNumber(new RowLocation(file, line, columns.open()), record.get(openHighLow[0])),
                    parseNumber(new RowLocation(file, line, columns.high()), record.get(openHighLow[1])),
                    parseNumber(new RowLocation(file, line, columns.low()), record.get(openHighLow[2])),
                    closeValue);
        }
    }

    private static LocalDate parseDate(RowLocation location, String text) {
        try {
            return text.contains("-") ? LocalDate.parse(text) : LocalDate.parse(text, US_DATE);
        } catch (DateTimeParseException e) {
            throw new InvalidFileException(location, "'" + MessageLimits.quoted(text) + "' is not a date; expected MM/DD/YYYY or YYYY-MM-DD");
        }
    }

    private static double parseNumber(RowLocation location, String text) {
        if (text.isEmpty()) {
            throw new InvalidFileException(location, "empty value");
        }
        if (!DECIMAL.matcher(text).matches()) {
            String problem = NON_FINITE.matcher(text).matches() ? "is not a finite number" : "is not a number";
            throw new InvalidFileException(location, "'" + MessageLimits.quoted(text) + "' " + problem);
        }
        double value = Double.parseDouble(text);
        if (!Double.isFinite(value)) {
            throw new InvalidFileException(location, "'" + MessageLimits.quoted(text) + "' is not a finite number");
        }
        return value;
    }
}
