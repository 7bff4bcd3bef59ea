package io.vixlab.features.market;

import static io.vixlab.features.Bars.day;
import static io.vixlab.features.Bars.vix;
import static io.vixlab.features.Bars.vvix;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vixlab.contracts.market.MarketBar;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class MarketHistoryTest {

    @Test
    void commonDaysAreTheDaysBothSymbolsTraded() {
        // VIX on days 0-4, VVIX on 1, 2, 4, 5; given out of order as a consumer's copy may be.
        List<MarketBar> bars = List.of(vix(3, 1, 1, 1, 13), vvix(5, 105), vix(0, 1, 1, 1, 10), vvix(2, 102),
                vix(1, 1, 1, 1, 11), vix(4, 1, 1, 1, 14), vvix(1, 101), vix(2, 1, 1, 1, 12), vvix(4, 104));

        MarketHistory history = MarketHistory.of(bars);

        assertThat(history.days()).containsExactly(day(1), day(2), day(4));
        assertThat(history.closes(Symbol.VIX)).containsExactly(11, 12, 14);
        assertThat(history.closes(Symbol.VVIX)).containsExactly(101, 102, 104);
        assertThat(history.series(Symbol.VIX).dates()).containsExactly(day(0), day(1), day(2), day(3), day(4));
        assertThat(history.series(Symbol.VVIX).high()).containsOnly(Double.NaN);
    }

    @Test
    void otherSymbolsAreIgnored() {
        MarketBar spx = MarketBar.of("SPX", day(0), 1.0, 1.0, 1.0, 4000, "test", Instant.EPOCH);

        MarketHistory history = MarketHistory.of(List.of(vix(0, 1, 1, 1, 10), vvix(0, 100), spx));

        assertThat(history.dayCount()).isEqualTo(1);
    }

    @Test
    void missingSymbolDuplicateDayAndNoCommonDayAreRejected() {
        assertThatThrownBy(() -> MarketHistory.of(List.of(vix(0, 1, 1, 1, 10))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no VVIX bars");
        assertThatThrownBy(() -> MarketHistory.of(List.of(vix(0, 1, 1, 1, 10), vix(0, 1, 1, 1, 11), vvix(0, 100))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("two VIX bars on " + day(0));
        assertThatThrownBy(() -> MarketHistory.of(List.of(vix(0, 1, 1, 1, 10), vvix(1, 100))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no trading day in common");
    }
}
