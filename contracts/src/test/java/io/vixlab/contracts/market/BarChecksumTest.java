package io.vixlab.contracts.market;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class BarChecksumTest {

    private static final MarketBar VIX = MarketBar.of("VIX", LocalDate.of(2024, 1, 2), 13.21, 14.23, 13.10, 13.20,
            "snapshot", Instant.parse("2024-01-03T00:00:00Z"));
    private static final MarketBar VVIX = MarketBar.of("VVIX", LocalDate.of(2006, 3, 6), null, null, null, 71.73,
            "snapshot", Instant.parse("2024-01-03T00:00:00Z"));

    @Test
    void hashesTheDocumentedLinesInSymbolAndDateOrder() {
        // sha256 of "VIX,2024-01-02,13.21,14.23,13.1,13.2\nVVIX,2006-03-06,,,,71.73\n", computed outside Java
        assertThat(BarChecksum.of(List.of(VVIX, VIX)))
                .isEqualTo("c01bc0203cd975ed299e0a24be3a217f42c2be1f64c58fe690d03cd5919d9c6c")
                .isEqualTo(BarChecksum.of(List.of(VIX, VVIX)));
    }

    @Test
    void ignoresSourceAndIngestTimeButNotPrices() {
        MarketBar sameFromElsewhere = MarketBar.of("VIX", VIX.date(), VIX.open(), VIX.high(), VIX.low(), VIX.close(),
                "cboe", Instant.parse("2025-01-01T00:00:00Z"));
        MarketBar otherClose = MarketBar.of("VIX", VIX.date(), VIX.open(), VIX.high(), VIX.low(), 13.25,
                "snapshot", VIX.ingestedAt());

        assertThat(BarChecksum.of(List.of(sameFromElsewhere))).isEqualTo(BarChecksum.of(List.of(VIX)));
        assertThat(BarChecksum.of(List.of(otherClose))).isNotEqualTo(BarChecksum.of(List.of(VIX)));
    }
}
