package io.vixlab.features.feature;

import io.vixlab.features.market.MarketHistory;

/**
 * One column of a dataset. A feature's value on a day uses only bars on or before that day, which
 * is what keeps test-period prices out of training windows. Where the value is not defined (a
 * rolling window not yet full, a missing high or low) it is {@code NaN}; the dataset builder drops
 * such rows instead of filling them.
 */
public interface Feature {

    /** The column name in manifests, e.g. {@code vix_sma_5}; {@link FeatureCatalog#parse} gives this feature back for it. */
    String name();

    /** The value on each of {@code history}'s common days, {@code NaN} where undefined. */
    double[] compute(MarketHistory history);
}
