package io.vixlab.features.dataset;

import io.vixlab.contracts.EventJson;
import io.vixlab.contracts.dataset.DatasetManifest;
import io.vixlab.contracts.dataset.WindowChunk;
import io.vixlab.features.CboeCsv;
import io.vixlab.features.market.MarketHistory;
import java.nio.file.Path;
import java.time.Instant;

/**
 * Builds the default dataset from a directory of CBOE history files and prints its shape, dates,
 * split and timings: {@code java ... SnapshotDatasetFigures <dir with VIX_History.csv and VVIX_History.csv>}.
 * The first build runs on a cold JVM, as a service's first build would; the second shows the warm cost.
 */
public final class SnapshotDatasetFigures {

    private SnapshotDatasetFigures() {
    }

    public static void main(String[] args) throws Exception {
        Path directory = Path.of(args.length > 0 ? args[0] : "../data-ingest/src/main/resources/snapshot");
        DatasetBuilder builder = new DatasetBuilder(DatasetConfig.defaults());
        for (String run : new String[] {"cold", "warm"}) {
            long start = System.nanoTime();
            var bars = CboeCsv.read(directory);
            long parsed = System.nanoTime();
            MarketHistory history = MarketHistory.of(bars);
            DatasetVersion version = builder.build(history, Instant.now());
            long built = System.nanoTime();
            DatasetManifest m = version.manifest();
            long messageBytes = version.chunks().stream().mapToLong(c -> EventJson.writeBytes(c).length).sum();
            long largest = version.chunks().stream().mapToLong(c -> EventJson.writeBytes(c).length).max().orElse(0);
            System.out.printf("%s: %d bars, %d common days %s..%s%n", run, bars.size(), history.dayCount(),
                    history.days()[0], history.days()[history.dayCount() - 1]);
            System.out.printf("  dataset %s: %d windows x %d days x %d features (train %d, test %d)%n", m.datasetId(),
                    m.windowCount(), m.sequenceLength(), m.featureNames().size(), m.trainCount(), m.testCount());
            System.out.printf("  first day %s, last target %s, split date %s, first target %s%n", m.firstDate(),
                    m.lastDate(), m.splitDate(), version.windows().targetDates()[0]);
            System.out.printf("  %d chunks, %,d bytes of JSON in all, largest %,d; raw %,d bytes%n", version.chunks().size(),
                    messageBytes, largest, (long) m.windowCount() * (m.sequenceLength() * m.featureNames().size() + 3) * 4);
            System.out.printf("  parse %.0f ms, align + features + windows + scale + encode %.0f ms%n",
                    (parsed - start) / 1e6, (built - parsed) / 1e6);
            System.out.printf("  target scaler center %.4f scale %.4f, checksum %s%n", m.scaler().targetCenter(),
                    m.scaler().targetScale(), m.checksum());
            if (run.equals("warm")) {
                System.out.println("  features: " + String.join(", ", m.featureNames()));
                System.out.println("  encoding: " + WindowChunk.ENCODING);
            }
        }
    }
}
