package io.vixlab.ingest.validate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vixlab.ingest.IngestWarning;
import io.vixlab.ingest.InvalidFileException;
import io.vixlab.ingest.RowLocation;
import io.vixlab.ingest.parse.Columns;
import io.vixlab.ingest.parse.ParsedRow;
import io.vixlab.ingest.parse.ParsedSeries;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The tolerances of {@link BarValidator}; its refusals are in {@code MalformedInputTest}. */
class BarValidatorTest {

    private static final Columns OHLC = new Columns("DATE", "OPEN", "HIGH", "LOW", "CLOSE");

    @Test
    void dropsAnIdenticalDuplicateDayWithAWarning() {
        ParsedRow first = new ParsedRow(2, LocalDate.of(2024, 1, 2), 13.21, 14.23, 13.10, 13.20);
        ParsedRow repeated = new ParsedRow(3, LocalDate.of(2024, 1, 2), 13.21, 14.23, 13.10, 13.20);
        ParsedRow next = new ParsedRow(4, LocalDate.of(2024, 1, 3), 13.38, 14.22, 13.36, 14.04);

        ValidatedSeries series = new BarValidator().validate(vix(first, repeated, next));

        assertThat(series.rows()).containsExactly(first, next);
        assertThat(series.warnings()).containsExactly(new IngestWarning(new RowLocation("vix.csv", 3, "DATE"),
                "identical duplicate of row 2, ignored"));
    }

    @Test
    void keepsAnOpenOutsideTheRangeBeforeTheCheckedDateWithAWarning() {
        // CBOE's VIX row of 2004-11-08 as published
        ParsedRow legacy = new ParsedRow(3745, LocalDate.of(2004, 11, 8), 2.58, 14.48, 13.68, 13.80);

        ValidatedSeries series = new BarValidator().validate(vix(legacy));

        assertThat(series.rows()).containsExactly(legacy);
        assertThat(series.warnings()).containsExactly(new IngestWarning(new RowLocation("vix.csv", 3745, "LOW"),
                "low 13.68 is above open 2.58; kept, opens before 2007-01-01 are not checked"));
    }

    @Test
    void refusesAnOpenOutsideTheRangeFromTheCheckedDateOn() {
        ParsedRow row = new ParsedRow(2, LocalDate.of(2004, 11, 8), 2.58, 14.48, 13.68, 13.80);

        assertThatThrownBy(() -> new BarValidator(LocalDate.of(2004, 11, 8)).validate(vix(row)))
                .isInstanceOf(InvalidFileException.class)
                .hasMessage("vix.csv, row 2, field LOW: low 13.68 is above open 2.58");
    }

    private static ParsedSeries vix(ParsedRow... rows) {
        return new ParsedSeries("VIX", "vix.csv", OHLC, List.of(rows));
    }
}
