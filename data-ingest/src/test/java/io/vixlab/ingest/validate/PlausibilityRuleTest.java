package io.vixlab.ingest.validate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.vixlab.ingest.parse.Columns;
import io.vixlab.ingest.parse.CsvBarParser;
import io.vixlab.ingest.parse.ParsedRow;
import io.vixlab.ingest.source.SnapshotSource;
import io.vixlab.ingest.source.SourceFile;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PlausibilityRuleTest {

    private static final Columns CLOSE_ONLY = new Columns("DATE", null, null, null, "VVIX");
    private static final LocalDate START = LocalDate.of(2024, 1, 1);

    @Test
    void theDefaultRuleExcludesExactlyCboesEarlyVvixGlitches() {
        ValidatedSeries vvix = PlausibilityRule.DEFAULT.apply(snapshot("VVIX"));

        assertThat(vvix.excluded()).extracting(ParsedRow::date, ParsedRow::close).containsExactly(
                tuple(LocalDate.of(2006, 3, 15), 15.71),
                tuple(LocalDate.of(2006, 3, 16), 27.94),
                tuple(LocalDate.of(2006, 3, 17), 28.60));
        assertThat(vvix.rows()).hasSize(5063);
        assertThat(vvix.rowCount()).isEqualTo(5066);
        assertThat(vvix.warnings()).hasSize(3);
    }

    @Test
    void theDefaultRuleLeavesGenuineVixSpikesAlone() {
        ValidatedSeries vix = PlausibilityRule.DEFAULT.apply(snapshot("VIX"));

        assertThat(vix.excluded()).isEmpty();
        assertThat(vix.rows()).hasSize(9234)
                .filteredOn(row -> row.date().equals(LocalDate.of(2024, 8, 5)))
                .extracting(ParsedRow::close).containsExactly(38.57);
    }

    @Test
    void keepingFlaggedRowsStillWarns() {
        PlausibilityRule keep = new PlausibilityRule(5, 0.7, PlausibilityRule.Action.KEEP);

        ValidatedSeries vvix = keep.apply(snapshot("VVIX"));

        assertThat(vvix.rows()).hasSize(5066);
        assertThat(vvix.excluded()).isEmpty();
        assertThat(vvix.warnings()).hasSize(3).allSatisfy(w -> assertThat(w.message()).endsWith("; kept"));
    }

    @Test
    void judgesTheFirstDayAgainstTheDaysAfterIt() {
        ValidatedSeries series = closes(15.0, 70.0, 71.0, 69.0, 72.0, 70.5, 68.0, 71.5, 70.0, 69.5, 70.2, 71.1);

        ValidatedSeries checked = new PlausibilityRule(5, 0.7, PlausibilityRule.Action.EXCLUDE).apply(series);

        assertThat(checked.excluded()).extracting(ParsedRow::close).containsExactly(15.0);
        assertThat(checked.warnings()).singleElement().hasToString(
                "vvix.csv, row 2, field VVIX: 2024-01-01 close 15.0 is implausible:"
                        + " ln(close / 70.10, the median of 10 neighbours) = -1.542, beyond ±0.7; excluded");
    }

    @Test
    void doesNotJudgeASeriesShorterThanItsWindow() {
        ValidatedSeries series = closes(15.0, 70.0, 71.0, 69.0, 72.0, 70.5, 68.0, 71.5, 70.0, 69.5);

        assertThat(PlausibilityRule.DEFAULT.apply(series)).isEqualTo(series);
    }

    private static ValidatedSeries closes(double... closes) {
        List<ParsedRow> rows = IntStream.range(0, closes.length)
                .mapToObj(i -> new ParsedRow(i + 2, START.plusDays(i), null, null, null, closes[i]))
                .toList();
        return new ValidatedSeries("VVIX", "vvix.csv", CLOSE_ONLY, rows, List.of(), List.of());
    }

    private static ValidatedSeries snapshot(String symbol) {
        SourceFile file = new SnapshotSource().fetch().stream()
                .filter(f -> f.symbol().equals(symbol)).findFirst().orElseThrow();
        return new BarValidator().validate(new CsvBarParser().parse(file));
    }
}
