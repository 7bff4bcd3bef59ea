package io.vixlab.report.stats;

import java.util.SplittableRandom;
import java.util.function.IntUnaryOperator;

/**
 * The moving-block bootstrap of Künsch (1989): a resample of {@code n} days is made of blocks of
 * {@code b} consecutive days, each starting on a day drawn uniformly from {@code 0 … n-b}, put
 * together until {@code n} days are filled (the last block cut short). Blocks keep the dependence
 * between neighbouring days that daily forecast losses have (calm and turbulent weeks), which
 * resampling single days would destroy. The same construction as arch's
 * {@code MovingBlockBootstrap} and R's {@code MCS} package.
 *
 * <p>Seeded: the same seed, number of days and replications give the same resamples, so a report
 * rebuilt from the same forecasts shows the same p-values.
 */
public final class MovingBlockBootstrap implements BootstrapIndices {

    private final IntUnaryOperator blockLength;
    private final long seed;

    private MovingBlockBootstrap(IntUnaryOperator blockLength, long seed) {
        this.blockLength = blockLength;
        this.seed = seed;
    }

    /** Blocks of {@link #defaultBlockLength(int)} days. */
    public static MovingBlockBootstrap withDefaultBlockLength(long seed) {
        return new MovingBlockBootstrap(MovingBlockBootstrap::defaultBlockLength, seed);
    }

    /** Blocks of {@code blockLength} days (fewer when a series is shorter). */
    public static MovingBlockBootstrap withBlockLength(int blockLength, long seed) {
        if (blockLength < 1) {
            throw new IllegalArgumentException("block length must be at least 1, was " + blockLength);
        }
        return new MovingBlockBootstrap(days -> blockLength, seed);
    }

    /**
     * The cube root of the number of days, rounded (at least 1): 10 for 1000 test days, 5 for 125.
     * n^(1/3) is the rate at which the block length that estimates the variance of a mean best
     * grows with the sample (Hall, Horowitz and Jing 1995; Lahiri 2003, ch. 7); the factor in front
     * depends on the series' autocorrelation and is taken as 1 rather than estimated.
     */
    public static int defaultBlockLength(int days) {
        return Math.max(1, (int) Math.round(Math.cbrt(days)));
    }

    /** The block length used for a series of {@code days} days. */
    public int blockLength(int days) {
        return Math.min(days, blockLength.applyAsInt(days));
    }

    @Override
    public int[][] draw(int days, int replications) {
        if (days < 1 || replications < 1) {
            throw new IllegalArgumentException(
                    "a bootstrap needs at least one day and one replication, got " + days + " and " + replications);
        }
        int block = blockLength(days);
        int starts = days - block + 1;
        SplittableRandom random = new SplittableRandom(seed);
        int[][] resamples = new int[replications][days];
        for (int[] resample : resamples) {
            for (int filled = 0; filled < days; ) {
                int start = random.nextInt(starts);
                for (int offset = 0; offset < block && filled < days; offset++) {
                    resample[filled++] = start + offset;
                }
            }
        }
        return resamples;
    }
}
