package io.vixlab.features;

import io.vixlab.contracts.market.MarketBar;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads CBOE's published history files ({@code VIX_History.csv}: DATE,OPEN,HIGH,LOW,CLOSE;
 * {@code VVIX_History.csv}: DATE,VVIX; dates MM/DD/YYYY) into bars, as plainly as a test needs;
 * validation and plausibility rules belong to data-ingest.
 */
public final class CboeCsv {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("MM/dd/yyyy");

    private CboeCsv() {
    }

    public static List<MarketBar> read(Path directory) throws IOException {
        List<MarketBar> bars = new ArrayList<>();
        Instant now = Instant.now();
        for (String line : dataLines(directory.resolve("VIX_History.csv"))) {
            String[] f = line.split(",");
            bars.add(MarketBar.of("VIX", LocalDate.parse(f[0], DATE), Double.valueOf(f[1]), Double.valueOf(f[2]),
                    Double.valueOf(f[3]), Double.parseDouble(f[4]), "file:" + directory, now));
        }
        for (String line : dataLines(directory.resolve("VVIX_History.csv"))) {
            String[] f = line.split(",");
            bars.add(MarketBar.of("VVIX", LocalDate.parse(f[0], DATE), null, null, null, Double.parseDouble(f[1]),
                    "file:" + directory, now));
        }
        return bars;
    }

    private static List<String> dataLines(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file);
        return lines.subList(1, lines.size()).stream().filter(line -> !line.isBlank()).toList();
    }
}
