package io.vixlab.ingest.run;

import io.vixlab.contracts.MessageLimits;
import io.vixlab.contracts.market.BarChecksum;
import io.vixlab.contracts.market.MarketBar;
import io.vixlab.contracts.market.MarketUpdate;
import io.vixlab.contracts.market.SymbolRange;
import io.vixlab.ingest.IngestException;
import io.vixlab.ingest.IngestWarning;
import io.vixlab.ingest.parse.CsvBarParser;
import io.vixlab.ingest.parse.ParsedRow;
import io.vixlab.ingest.source.BarSource;
import io.vixlab.ingest.validate.BarValidator;
import io.vixlab.ingest.validate.PlausibilityRule;
import io.vixlab.ingest.validate.ValidatedSeries;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Runs an ingest: prepares the {@link IngestPlan} (all sources read and validated, or the run fails with
 * the store untouched), judges each symbol's rows against the stored history too (a rewrite of stored closes
 * beyond the plausibility rule's distance fails the run unless it replaces history), stores the bars that are new or whose prices differ from the stored ones, and
 * describes the run as a {@link MarketUpdate}. A bar whose prices equal the stored ones is neither
 * stored again nor published, whatever its source, so re-running the same data changes nothing.
 *
 * <p>The update's date range and row count of a symbol cover every valid day read, excluded ones included;
 * its checksum ({@link BarChecksum}) covers everything stored for the run's symbols after the run. Rows
 * the plausibility rule excludes are not stored, but a copy stored by an earlier run is not deleted.
 */
public final class IngestRun {

    private final CsvBarParser parser = new CsvBarParser();
    private final BarValidator validator;
    private final PlausibilityRule plausibility;
    private final Clock clock;

    public IngestRun(BarValidator validator, PlausibilityRule plausibility, Clock clock) {
        this.validator = validator;
        this.plausibility = plausibility;
        this.clock = clock;
    }

    /** Default validation ({@link BarValidator#DEFAULT_OPEN_CHECKED_FROM}, the default symbols, today by the clock) and {@link PlausibilityRule#DEFAULT}. */
    public static IngestRun withDefaults(Clock clock) {
        return new IngestRun(new BarValidator(BarValidator.DEFAULT_OPEN_CHECKED_FROM, BarValidator.DEFAULT_SYMBOLS, clock),
                PlausibilityRule.DEFAULT, clock);
    }

    /** {@link #execute(String, List, BarStore, boolean)} of a run that does not replace history. */
    public IngestOutcome execute(String runId, List<BarSource> sources, BarStore store) {
        return execute(runId, sources, store, false);
    }

    /**
     * Ingests the sources into the store. Bad input does not throw: it yields a {@code FAILED} update
     * whose error names the file, row and field, and nothing is stored. Store failures do throw.
     *
     * @param replaceHistory whether the run may change stored closes by more than the plausibility rule's
     *                       distance ({@link PlausibilityRule#refuseRewrites}); each such change is a warning
     */
    public IngestOutcome execute(String runId, List<BarSource> sources, BarStore store, boolean replaceHistory) {
        Instant startedAt = clock.instant();
        String sourceNames = sources.stream().map(BarSource::name).distinct().collect(Collectors.joining(","));
        List<MarketBar> changed = new ArrayList<>();
        List<SymbolRange> ranges = new ArrayList<>();
        List<IngestWarning> warnings = new ArrayList<>();
        List<String> symbols = new ArrayList<>();
        try {
            IngestPlan plan = IngestPlan.prepare(sources, parser, validator);
            for (IngestPlan.SymbolData data : plan.symbols()) {
                Map<LocalDate, MarketBar> stored = store.findBySymbol(data.symbol()).stream()
                        .collect(Collectors.toMap(MarketBar::date, Function.identity()));
                Map<LocalDate, Double> storedCloses = stored.values().stream()
                        .collect(Collectors.toMap(MarketBar::date, MarketBar::close));
                warnings.addAll(plausibility.refuseRewrites(data.series(), storedCloses, replaceHistory));
                ValidatedSeries series = plausibility.apply(data.series(), storedCloses);
                warnings.addAll(series.warnings());
                List<MarketBar> changedOfSymbol = series.rows().stream()
                        .map(row -> toBar(data.symbol(), data.source(), row, startedAt))
                        .filter(bar -> !samePrices(bar, stored.get(bar.date())))
                        .toList();
                changed.addAll(changedOfSymbol);
                symbols.add(data.symbol());
                ranges.add(new SymbolRange(data.symbol(), series.firstDate(), series.lastDate(),
                        series.rowCount(), changedOfSymbol.size(), series.excluded().size()));
            }
        } catch (IngestException e) {
            MarketUpdate failed = new MarketUpdate(MarketUpdate.SCHEMA_VERSION, runId, MarketUpdate.Status.FAILED,
                    sourceNames, List.of(), null, MessageLimits.capped(e.getMessage()), startedAt, clock.instant());
            return new IngestOutcome(failed, List.of(), List.of());
        }
        if (!changed.isEmpty()) {
            store.upsertAll(changed);
        }
        String checksum = BarChecksum.of(symbols.stream().flatMap(symbol -> store.findBySymbol(symbol).stream()).toList());
        MarketUpdate update = new MarketUpdate(MarketUpdate.SCHEMA_VERSION, runId, MarketUpdate.Status.SUCCEEDED,
                sourceNames, ranges, checksum, null, startedAt, clock.instant());
        return new IngestOutcome(update, changed, warnings);
    }

    private static MarketBar toBar(String symbol, String source, ParsedRow row, Instant ingestedAt) {
        return MarketBar.of(symbol, row.date(), row.open(), row.high(), row.low(), row.close(), source, ingestedAt);
    }

    private static boolean samePrices(MarketBar bar, MarketBar stored) {
        return stored != null && prices(bar).equals(prices(stored));
    }

    private static List<Double> prices(MarketBar bar) {
        return Arrays.asList(bar.open(), bar.high(), bar.low(), bar.close());
    }
}
