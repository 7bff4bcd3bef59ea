package io.vixlab.ingest;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.vixlab.ingest.persistence.BarEntity;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/** What the service's database holds, read directly, for tests that must show it changed or did not. */
public final class StoredBars {

    private StoredBars() {
    }

    public static long count() {
        return QuarkusTransaction.requiringNew().call(BarEntity::count);
    }

    public static long count(String symbol) {
        return QuarkusTransaction.requiringNew().call(() -> BarEntity.count("symbol", symbol));
    }

    /** SHA-256 over every column of every stored bar, so that any write shows. */
    public static String fingerprint() {
        List<BarEntity> bars = QuarkusTransaction.requiringNew().call(() -> BarEntity.<BarEntity>list("order by id"));
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (BarEntity bar : bars) {
                digest.update(String.join(",", String.valueOf(bar.id), bar.symbol, String.valueOf(bar.date),
                        String.valueOf(bar.open), String.valueOf(bar.high), String.valueOf(bar.low),
                        String.valueOf(bar.close), bar.source, String.valueOf(bar.ingestedAt), bar.runId, "\n")
                        .getBytes(StandardCharsets.UTF_8));
            }
            return bars.size() + " bars, " + HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static void deleteSymbols(String... symbols) {
        QuarkusTransaction.requiringNew().run(() -> BarEntity.delete("symbol in ?1", List.of(symbols)));
    }
}
