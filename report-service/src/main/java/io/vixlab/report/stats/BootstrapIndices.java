package io.vixlab.report.stats;

/**
 * Where a bootstrap's resampled days come from: {@link MovingBlockBootstrap} in the report, fixed
 * indices in tests that check a procedure against numbers worked out elsewhere.
 */
@FunctionalInterface
public interface BootstrapIndices {

    /**
     * @return {@code replications} resamples, each {@code days} indices into {@code 0 … days-1}
     *     (day {@code t} of a resample is original day {@code resamples[b][t]})
     */
    int[][] draw(int days, int replications);
}
