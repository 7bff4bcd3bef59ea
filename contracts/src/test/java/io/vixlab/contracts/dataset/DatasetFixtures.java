package io.vixlab.contracts.dataset;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

/** Synthetic datasets for codec tests: random values (incompressible) on consecutive dates. */
final class DatasetFixtures {

    static final LocalDate FIRST_TARGET = LocalDate.of(2020, 1, 2);

    private DatasetFixtures() {
    }

    static DatasetWindows randomWindows(int windows, int sequenceLength, int featureCount, long seed) {
        Random random = new Random(seed);
        float[][][] features = new float[windows][sequenceLength][featureCount];
        float[] targets = new float[windows];
        float[] previousCloses = new float[windows];
        LocalDate[] dates = new LocalDate[windows];
        for (int w = 0; w < windows; w++) {
            for (float[] day : features[w]) {
                for (int f = 0; f < featureCount; f++) {
                    day[f] = (float) random.nextGaussian();
                }
            }
            targets[w] = (float) random.nextGaussian();
            previousCloses[w] = (float) random.nextGaussian();
            dates[w] = FIRST_TARGET.plusDays(w);
        }
        return new DatasetWindows(features, targets, previousCloses, dates);
    }

    static DatasetManifest manifestFor(String datasetId, DatasetWindows windows, String checksum, int chunkCount) {
        int n = windows.size();
        int train = (int) (n * 0.8);
        List<String> names = IntStream.range(0, windows.featureCount()).mapToObj(f -> "f" + f).toList();
        List<Double> zeros = Collections.nCopies(windows.featureCount(), 0.0);
        List<Double> ones = Collections.nCopies(windows.featureCount(), 1.0);
        return new DatasetManifest(DatasetManifest.SCHEMA_VERSION, datasetId, names, windows.sequenceLength(), 1, n,
                train, n - train, windows.targetDates()[train], windows.targetDates()[0].minusDays(windows.sequenceLength()),
                windows.targetDates()[n - 1], new ScalerParams(ScalerParams.Kind.STANDARD, zeros, ones, 0.0, 1.0),
                checksum, chunkCount, Instant.parse("2026-11-25T00:00:00Z"));
    }
}
