package io.vixlab.features.config;

import io.smallrye.config.ConfigMapping;
import io.vixlab.contracts.dataset.ScalerParams;
import io.vixlab.features.dataset.DatasetConfig;
import io.vixlab.features.feature.FeatureCatalog;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** How this service builds datasets and when it rebuilds them; defaults in {@code application.properties}. */
@ConfigMapping(prefix = "vixlab.features")
public interface FeatureConfig {

    /** Days per window. */
    int sequenceLength();

    /**
     * The symbols whose bars are kept; a bar of another symbol, dated after today or before its
     * {@link io.vixlab.contracts.market.MarketSymbol}'s first published day, or a VIX bar without open, high
     * and low is dead-lettered.
     */
    List<String> symbols();

    /** The target is the VIX close this many common trading days after a window's last day. */
    int horizon();

    /** Share of windows, newest first, in the test part (the seed's last 20%). */
    double testFraction();

    /** {@code standard} or {@code min-max}. */
    ScalerParams.Kind scaler();

    /** Feature names in column order (see {@link FeatureCatalog}); unset means the default set. */
    Optional<List<String>> features();

    /** Quiet time after the last data-changed update before a rebuild starts: a burst of updates makes one rebuild. */
    Duration rebuildDebounce();

    /**
     * How long a rebuild waits for this service's copy of the bars to match an update's checksum
     * (bars and updates travel on separate topics) before it builds from the bars it has.
     */
    Duration barsWait();

    default DatasetConfig dataset() {
        return new DatasetConfig(features().orElse(FeatureCatalog.DEFAULT_FEATURES), sequenceLength(), horizon(),
                scaler(), 1 - testFraction());
    }
}
