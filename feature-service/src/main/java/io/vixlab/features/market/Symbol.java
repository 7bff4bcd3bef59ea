package io.vixlab.features.market;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The index series the features are built from, by their {@link io.vixlab.contracts.market.MarketBar#symbol()} code. */
public enum Symbol {
    VIX, VVIX;

    /** The lowercase prefix of this symbol's feature names, e.g. {@code vix} in {@code vix_sma_5}. */
    public String prefix() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Symbol> ofCode(String code) {
        return Arrays.stream(values()).filter(s -> s.name().equals(code)).findFirst();
    }

    public static Symbol ofPrefix(String prefix) {
        return Arrays.stream(values()).filter(s -> s.prefix().equals(prefix)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown symbol prefix " + prefix));
    }
}
