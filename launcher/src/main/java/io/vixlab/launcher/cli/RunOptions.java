package io.vixlab.launcher.cli;

import java.nio.file.Path;
import java.util.List;

/**
 * What {@code ./vixlab run} was asked for. A null number means "the budget's default" (the quick
 * budget, or the seed's with {@code --full}).
 *
 * @param architectures the architectures to compare, in the order given; empty = all five
 * @param source        the ingest source: {@code snapshot} (bundled, offline) or {@code cboe}
 */
public record RunOptions(
        Integer trials,
        Integer epochs,
        Integer folds,
        Integer finalEpochs,
        Integer timeoutMinutes,
        List<String> architectures,
        int trainers,
        boolean full,
        String source,
        Path workdir,
        boolean keepRunning) {

    public static final int DEFAULT_TRAINERS = 2;
    public static final String DEFAULT_SOURCE = "snapshot";
    public static final Path DEFAULT_WORKDIR = Path.of(".vixlab");

    public RunOptions {
        architectures = List.copyOf(architectures);
    }

    public static RunOptions defaults() {
        return new RunOptions(null, null, null, null, null, List.of(), DEFAULT_TRAINERS, false, DEFAULT_SOURCE,
                DEFAULT_WORKDIR, false);
    }
}
