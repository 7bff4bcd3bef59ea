package io.vixlab.features;

import io.vixlab.contracts.market.MarketBar;
import io.vixlab.features.config.FeatureConfig;
import io.vixlab.features.dataset.DatasetBuilder;
import io.vixlab.features.dataset.DatasetVersion;
import io.vixlab.features.market.MarketHistory;
import java.time.Instant;
import java.util.List;

/**
 * The VIX and VVIX history the service tests share: 300 common days of a seeded random walk. Every
 * test that puts VIX or VVIX bars into the service's store puts this whole series (or a stated
 * change of it), so each knows what the store holds whichever test ran before.
 */
public final class SyntheticMarket {

    public static final int DAYS = 300;
    private static final long SEED = 42;

    private SyntheticMarket() {
    }

    /** The series, stamped as ingested at {@code ingestedAt} (a later stamp wins over an earlier copy). */
    public static List<MarketBar> bars(Instant ingestedAt) {
        return Bars.randomWalk(DAYS, SEED).stream().map(bar -> stamped(bar, bar.close(), ingestedAt)).toList();
    }

    public static MarketBar stamped(MarketBar bar, double close, Instant ingestedAt) {
        return MarketBar.of(bar.symbol(), bar.date(), bar.open(), bar.high(), bar.low(), close, bar.source(), ingestedAt);
    }

    /** The dataset the service should build from {@code bars} with its configuration. */
    public static DatasetVersion expected(FeatureConfig config, List<MarketBar> bars) {
        return new DatasetBuilder(config.dataset()).build(MarketHistory.of(bars), Instant.EPOCH);
    }
}
