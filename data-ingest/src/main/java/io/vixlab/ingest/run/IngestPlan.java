package io.vixlab.ingest.run;

import io.vixlab.ingest.IngestException;
import io.vixlab.ingest.parse.CsvBarParser;
import io.vixlab.ingest.source.BarSource;
import io.vixlab.ingest.source.SourceFile;
import io.vixlab.ingest.validate.BarValidator;
import io.vixlab.ingest.validate.ValidatedSeries;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The validated data of one run before anything is stored (the plausibility rule, which needs the stored
 * history, comes after). It exists only when every file of every
 * source was read, parsed and validated, which is what makes a run all-or-nothing.
 */
public final class IngestPlan {

    /** One symbol's validated rows and the source they came from. */
    public record SymbolData(String source, ValidatedSeries series) {

        public String symbol() {
            return series.symbol();
        }
    }

    private final List<SymbolData> symbols;

    private IngestPlan(List<SymbolData> symbols) {
        this.symbols = List.copyOf(symbols);
    }

    /**
     * Reads and checks every file of the sources.
     *
     * @throws IngestException for the first source that cannot be read, file that fails validation, or
     *                         symbol that two files of the run both supply (there is no telling which is right)
     */
    public static IngestPlan prepare(List<BarSource> sources, CsvBarParser parser, BarValidator validator) {
        if (sources.isEmpty()) {
            throw new IllegalArgumentException("an ingest run needs at least one source");
        }
        Map<String, SymbolData> bySymbol = new LinkedHashMap<>();
        for (BarSource source : sources) {
            for (SourceFile file : source.fetch()) {
                SymbolData earlier = bySymbol.get(file.symbol());
                if (earlier != null) {
                    throw new IngestException(file.name() + ": " + file.symbol() + " is already read from "
                            + earlier.series().file() + " in this run");
                }
                ValidatedSeries series = validator.validate(parser.parse(file));
                bySymbol.put(file.symbol(), new SymbolData(source.name(), series));
            }
        }
        return new IngestPlan(List.copyOf(bySymbol.values()));
    }

    public List<SymbolData> symbols() {
        return symbols;
    }
}
