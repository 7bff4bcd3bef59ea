package io.vixlab.ingest.run;

import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/**
 * One file for each kind of malformed input and the error it must fail with, shared by the domain's test and
 * the service's. Each case is {@code (kind, symbol, content, error)}; the file is named {@code <symbol>.csv}
 * in lower case, and the error starts with that name.
 */
public final class MalformedFiles {

    private static final String HEADER = "DATE,OPEN,HIGH,LOW,CLOSE\n";
    private static final String ROW_2 = "01/02/2024,13.21,14.23,13.10,13.20\n";
    private static final String ROW_4 = "01/04/2024,13.97,14.20,13.64,14.13\n";

    private MalformedFiles() {
    }

    /** A VIX file whose third line (row 3) is {@code row3}. */
    static String vixWithRow3(String row3) {
        return HEADER + ROW_2 + row3 + "\n" + ROW_4;
    }

    public static Stream<Arguments> cases() {
        return Stream.of(
                arguments("empty file", "VIX", "",
                        "vix.csv, row 1: empty file, expected a header such as DATE,OPEN,HIGH,LOW,CLOSE"),
                arguments("header without rows", "VIX", HEADER,
                        "vix.csv, row 2: no data rows after the header"),
                arguments("HTML page", "VIX", "\n<!DOCTYPE html><html><body>Access Denied</body></html>",
                        "vix.csv, row 1: an HTML page instead of CSV"),
                arguments("missing DATE column", "VIX", "DAY,OPEN,HIGH,LOW,CLOSE\n" + ROW_2,
                        "vix.csv, row 1, field DATE: missing column; the header is DAY,OPEN,HIGH,LOW,CLOSE"),
                arguments("missing CLOSE column", "VIX", "DATE,OPEN,HIGH,LOW\n01/02/2024,13.21,14.23,13.10\n",
                        "vix.csv, row 1, field CLOSE: missing column, expected CLOSE or VIX; the header is DATE,OPEN,HIGH,LOW"),
                arguments("OPEN and HIGH without LOW", "VIX", "DATE,OPEN,HIGH,CLOSE\n01/02/2024,13.21,14.23,13.20\n",
                        "vix.csv, row 1, field LOW: missing column; OPEN, HIGH and LOW come together, the header is DATE,OPEN,HIGH,CLOSE"),
                arguments("column twice", "VIX", "DATE,OPEN,HIGH,LOW,CLOSE,Close\n01/02/2024,13.21,14.23,13.10,13.20,13.20\n",
                        "vix.csv, row 1, field Close: the column appears twice in the header DATE,OPEN,HIGH,LOW,CLOSE,Close"),
                arguments("row with too few fields", "VIX", vixWithRow3("01/03/2024,13.38,14.22,13.36"),
                        "vix.csv, row 3: expected 5 fields as in the header, found 4"),
                arguments("unclosed quote", "VIX", vixWithRow3("01/03/2024,\"13.38,14.22,13.36,14.04"),
                        "vix.csv, row 3: not readable as CSV: (startline 3) EOF reached before encapsulated token finished"),
                arguments("unparseable date", "VIX", vixWithRow3("2024/01/03,13.38,14.22,13.36,14.04"),
                        "vix.csv, row 3, field DATE: '2024/01/03' is not a date; expected MM/DD/YYYY or YYYY-MM-DD"),
                arguments("impossible date", "VIX", vixWithRow3("02/30/2024,13.38,14.22,13.36,14.04"),
                        "vix.csv, row 3, field DATE: '02/30/2024' is not a date; expected MM/DD/YYYY or YYYY-MM-DD"),
                arguments("unparseable number", "VIX", vixWithRow3("01/03/2024,13.38,14.2x,13.36,14.04"),
                        "vix.csv, row 3, field HIGH: '14.2x' is not a number"),
                arguments("empty value", "VIX", vixWithRow3("01/03/2024,,14.22,13.36,14.04"),
                        "vix.csv, row 3, field OPEN: empty value"),
                arguments("NaN", "VIX", vixWithRow3("01/03/2024,13.38,14.22,13.36,NaN"),
                        "vix.csv, row 3, field CLOSE: 'NaN' is not a finite number"),
                arguments("Infinity", "VIX", vixWithRow3("01/03/2024,13.38,Infinity,13.36,14.04"),
                        "vix.csv, row 3, field HIGH: 'Infinity' is not a finite number"),
                arguments("overflowing number", "VIX", vixWithRow3("01/03/2024,13.38,14.22,13.36,1e999"),
                        "vix.csv, row 3, field CLOSE: '1e999' is not a finite number"),
                arguments("zero close", "VIX", vixWithRow3("01/03/2024,13.38,14.22,13.36,0"),
                        "vix.csv, row 3, field CLOSE: must be positive, was 0.0"),
                arguments("negative low", "VIX", vixWithRow3("01/03/2024,13.38,14.22,-1.5,14.04"),
                        "vix.csv, row 3, field LOW: must be positive, was -1.5"),
                arguments("high below low", "VIX", vixWithRow3("01/03/2024,13.38,13.30,13.36,13.35"),
                        "vix.csv, row 3, field HIGH: high 13.3 is below low 13.36"),
                arguments("low above close", "VIX", vixWithRow3("01/03/2024,13.38,14.22,13.36,13.30"),
                        "vix.csv, row 3, field LOW: low 13.36 is above close 13.3"),
                arguments("high below close", "VIX", vixWithRow3("01/03/2024,13.38,14.22,13.36,14.50"),
                        "vix.csv, row 3, field HIGH: high 14.22 is below close 14.5"),
                arguments("low above open", "VIX", vixWithRow3("01/03/2024,13.00,14.22,13.36,14.04"),
                        "vix.csv, row 3, field LOW: low 13.36 is above open 13.0"),
                arguments("high below open", "VIX", vixWithRow3("01/03/2024,14.50,14.22,13.36,14.04"),
                        "vix.csv, row 3, field HIGH: high 14.22 is below open 14.5"),
                arguments("conflicting duplicate date", "VIX",
                        HEADER + ROW_2 + "01/02/2024,13.21,14.23,13.10,13.25\n" + ROW_4,
                        "vix.csv, row 3, field DATE: 2024-01-02 appears again with different values (first on row 2)"),
                arguments("rows out of order", "VIX", HEADER + ROW_2 + ROW_4 + "01/03/2024,13.38,14.22,13.36,14.04\n",
                        "vix.csv, row 4, field DATE: 2024-01-03 comes after 2024-01-04 on row 3; rows must be in ascending date order"),
                arguments("close-only layout, bad number", "VVIX", "DATE,VVIX\n03/06/2006,71.73\n03/07/2006,abc\n",
                        "vvix.csv, row 3, field VVIX: 'abc' is not a number"));
    }

    /** The name a case's file has, which its error starts with. */
    public static String fileName(String symbol) {
        return symbol.toLowerCase(Locale.ROOT) + ".csv";
    }
}
