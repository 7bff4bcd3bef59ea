package io.vixlab.features.feature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class FeatureCatalogTest {

    @Test
    void theDefaultSetHasTheIssuesFifteenColumns() {
        assertThat(FeatureCatalog.DEFAULT_FEATURES).hasSize(15).doesNotHaveDuplicates()
                .contains("vix_close", "vix_log_return", "vix_sma_20", "vix_close_to_sma_10", "vix_volatility_5",
                        "vix_range", "vvix_close", "vvix_log_return", "vix_vvix_ratio", "vix_rsi_14");
    }

    @Test
    void everyNameParsesToAFeatureOfThatName() {
        List<String> names = List.of("vix_close", "vvix_sma_7", "vvix_close_to_sma_3", "vix_volatility_60",
                "vvix_rsi_9", "vvix_vix_ratio", "vvix_range");

        assertThat(FeatureCatalog.resolve(FeatureCatalog.DEFAULT_FEATURES)).extracting(Feature::name)
                .containsExactlyElementsOf(FeatureCatalog.DEFAULT_FEATURES);
        assertThat(FeatureCatalog.resolve(names)).extracting(Feature::name).containsExactlyElementsOf(names);
        assertThat(FeatureCatalog.parse("vix_volatility_20")).isInstanceOf(RollingVolatility.class);
        assertThat(FeatureCatalog.parse("vix_close_to_sma_5")).isInstanceOf(CloseToMovingAverage.class);
    }

    @Test
    void unknownNonCanonicalOrMeaninglessNamesAreRejected() {
        assertThatThrownBy(() -> FeatureCatalog.parse("spx_close")).hasMessageContaining("unknown feature spx_close");
        assertThatThrownBy(() -> FeatureCatalog.parse("vix_sma_05")).hasMessageContaining("vix_sma_5");
        assertThatThrownBy(() -> FeatureCatalog.parse("vix_sma_0")).hasMessageContaining("at least 1");
        assertThatThrownBy(() -> FeatureCatalog.parse("vix_volatility_1")).hasMessageContaining("at least 2");
        assertThatThrownBy(() -> FeatureCatalog.parse("vix_vix_ratio")).hasMessageContaining("itself");
        assertThatThrownBy(() -> FeatureCatalog.resolve(List.of("vix_close", "vix_close")))
                .hasMessageContaining("listed twice");
    }
}
