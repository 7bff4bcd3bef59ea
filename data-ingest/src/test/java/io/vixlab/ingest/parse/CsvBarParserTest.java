package io.vixlab.ingest.parse;

import static org.assertj.core.api.Assertions.assertThat;

import io.vixlab.ingest.source.SourceFile;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The layouts {@link CsvBarParser} accepts; what it refuses is in {@code MalformedInputTest}. */
class CsvBarParserTest {

    private final CsvBarParser parser = new CsvBarParser();

    @Test
    void readsCboesVixLayout() {
        ParsedSeries series = parser.parse(new SourceFile("VIX", "VIX_History.csv",
                "DATE,OPEN,HIGH,LOW,CLOSE\n01/02/1990,17.240000,17.240000,17.240000,17.240000\n"
                        + "07/22/2026,17.420000,19.490000,16.640000,16.640000\n"));

        assertThat(series.symbol()).isEqualTo("VIX");
        assertThat(series.columns()).isEqualTo(new Columns("DATE", "OPEN", "HIGH", "LOW", "CLOSE"));
        assertThat(series.rows()).containsExactly(
                new ParsedRow(2, LocalDate.of(1990, 1, 2), 17.24, 17.24, 17.24, 17.24),
                new ParsedRow(3, LocalDate.of(2026, 7, 22), 17.42, 19.49, 16.64, 16.64));
    }

    @Test
    void readsCboesCloseOnlyVvixLayout() {
        ParsedSeries series = parser.parse(new SourceFile("VVIX", "VVIX_History.csv",
                "DATE,VVIX\n03/06/2006,71.730000\n03/15/2006,15.710000\n"));

        assertThat(series.columns()).isEqualTo(new Columns("DATE", null, null, null, "VVIX"));
        assertThat(series.rows()).containsExactly(
                new ParsedRow(2, LocalDate.of(2006, 3, 6), null, null, null, 71.73),
                new ParsedRow(3, LocalDate.of(2006, 3, 15), null, null, null, 15.71));
    }

    @Test
    void readsTheCommonLayoutWithIsoDatesAndTheCloseRatherThanTheAdjustedClose() {
        ParsedSeries series = parser.parse(new SourceFile("VIX", "^VIX.csv",
                "Date,Open,High,Low,Close,Adj Close,Volume\n2024-01-02,13.21,14.23,13.10,13.20,13.19,0\n"));

        assertThat(series.columns()).isEqualTo(new Columns("Date", "Open", "High", "Low", "Close"));
        assertThat(series.rows()).containsExactly(new ParsedRow(2, LocalDate.of(2024, 1, 2), 13.21, 14.23, 13.10, 13.20));
    }

    @Test
    void matchesHeadersCaseInsensitivelyInAnyOrderAndIgnoresExtraColumns() {
        ParsedSeries series = parser.parse(new SourceFile("VIX", "vix.csv",
                "close,Note,date,LOW,high,Open\n13.20,quiet day,1/2/2024,13.10,14.23,13.21\n"));

        assertThat(series.columns()).isEqualTo(new Columns("date", "Open", "high", "LOW", "close"));
        assertThat(series.rows()).containsExactly(new ParsedRow(2, LocalDate.of(2024, 1, 2), 13.21, 14.23, 13.10, 13.20));
    }

    @Test
    void countsRowsAsPhysicalLinesPastByteOrderMarkBlankLinesQuotesAndSpaces() {
        ParsedSeries series = parser.parse(new SourceFile("VVIX", "vvix.csv",
                "\uFEFFDATE,VVIX\r\n03/06/2006, 71.73 \r\n\r\n\"03/15/2006\",\"15.71\"\r\n03/16/2006,2.794e1"));

        assertThat(series.rows()).containsExactly(
                new ParsedRow(2, LocalDate.of(2006, 3, 6), null, null, null, 71.73),
                new ParsedRow(4, LocalDate.of(2006, 3, 15), null, null, null, 15.71),
                new ParsedRow(5, LocalDate.of(2006, 3, 16), null, null, null, 27.94));
    }
}
