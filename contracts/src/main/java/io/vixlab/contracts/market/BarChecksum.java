package io.vixlab.contracts.market;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.Comparator;
import java.util.HexFormat;

/**
 * The checksum of {@link MarketUpdate#checksum()}: SHA-256 over the content of bars, so a consumer can
 * tell whether its copy matches the producer's store. Each bar contributes the line
 * {@code SYMBOL,yyyy-mm-dd,open,high,low,close\n} in UTF-8, bars sorted by symbol and date, numbers as
 * Java's {@link Double#toString(double)} writes them and absent values empty. Source and ingest time
 * are left out: the same prices from another source are the same data.
 */
public final class BarChecksum {

    private static final Comparator<MarketBar> ORDER =
            Comparator.comparing(MarketBar::symbol).thenComparing(MarketBar::date);

    private BarChecksum() {
    }

    /** Lower-case hex SHA-256 of the bars in the layout above. */
    public static String of(Collection<MarketBar> bars) {
        MessageDigest digest = sha256();
        bars.stream().sorted(ORDER).forEach(bar -> digest.update(line(bar).getBytes(StandardCharsets.UTF_8)));
        return HexFormat.of().formatHex(digest.digest());
    }

    private static String line(MarketBar bar) {
        return bar.symbol() + "," + bar.date() + "," + text(bar.open()) + "," + text(bar.high()) + ","
                + text(bar.low()) + "," + bar.close() + "\n";
    }

    private static String text(Double value) {
        return value == null ? "" : value.toString();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
