package io.vixlab.launcher.cli;

import io.vixlab.contracts.tuning.ForecastTarget;
import java.nio.file.Path;
import java.util.List;

/**
 * What {@code ./vixlab run} was asked for. A null number means "the budget's default" (the quick
 * budget, or the seed's with {@code --full}).
 *
 * @param architectures the architectures to compare, in the order given; empty = all five
 * @param threads       TensorFlow threads per trainer; null: the cores over the default trainers
 * @param source        the ingest source: {@code snapshot} (bundled, offline) or {@code cboe}
 * @param target        what the networks learn to predict (the seed's level by default)
 */
public record RunOptions(
        Integer trials,
        Integer epochs,
        Integer folds,
        Integer finalEpochs,
        Integer timeoutMinutes,
        List<String> architectures,
        int trainers,
        Integer threads,
        boolean full,
        String source,
        ForecastTarget target,
        Path workdir,
        boolean keepRunning) {

    public static final int DEFAULT_TRAINERS = 2;
    public static final String DEFAULT_SOURCE = "snapshot";
    public static final Path DEFAULT_WORKDIR = Path.of(".vixlab");

    public RunOptions {
        architectures = List.copyOf(architectures);
    }

    /**
     * TensorFlow's intra-op threads per trainer: {@code --threads}, else the machine's cores shared by
     * the default number of trainers, at least one. It does not follow {@code --trainers}: a float
     * sum's order follows how TensorFlow splits an op over its threads, so a trial trained with
     * another thread count ends with another loss in the last digits, and a reproducible study would
     * change with the number of trainers. More trainers than the default oversubscribe the cores.
     */
    public int threadsPerTrainer(int cores) {
        return threads != null ? threads : Math.max(1, cores / DEFAULT_TRAINERS);
    }

    public static RunOptions defaults() {
        return new RunOptions(null, null, null, null, null, List.of(), DEFAULT_TRAINERS, null, false, DEFAULT_SOURCE,
                ForecastTarget.LEVEL, DEFAULT_WORKDIR, false);
    }
}
