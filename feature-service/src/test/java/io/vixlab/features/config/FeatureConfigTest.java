package io.vixlab.features.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.vixlab.contracts.dataset.ScalerParams;
import io.vixlab.features.dataset.DatasetConfig;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FeatureConfigTest {

    @Test
    void applicationPropertiesGiveTheDomainDefaults() throws IOException {
        FeatureConfig config = mapped(new PropertiesConfigSource(
                getClass().getClassLoader().getResource("application.properties")));

        assertThat(config.dataset()).isEqualTo(DatasetConfig.defaults());
        assertThat(config.rebuildDebounce()).isEqualTo(Duration.ofSeconds(2));
        assertThat(config.barsWait()).isEqualTo(Duration.ofMinutes(5));
        assertThat(config.symbols()).containsExactly("VIX", "VVIX");
    }

    @Test
    void scalerFeaturesAndSplitAreConfigurable() {
        FeatureConfig config = mapped(new PropertiesConfigSource(Map.of(
                "vixlab.features.sequence-length", "20",
                "vixlab.features.horizon", "5",
                "vixlab.features.test-fraction", "0.25",
                "vixlab.features.scaler", "min-max",
                "vixlab.features.features", "vix_close,vvix_sma_10,vix_rsi_9",
                "vixlab.features.rebuild-debounce", "500ms",
                "vixlab.features.bars-wait", "30s",
                "vixlab.features.symbols", "VIX"), "test", 500));

        assertThat(config.dataset()).isEqualTo(new DatasetConfig(List.of("vix_close", "vvix_sma_10", "vix_rsi_9"),
                20, 5, ScalerParams.Kind.MIN_MAX, 0.75));
        assertThat(config.rebuildDebounce()).isEqualTo(Duration.ofMillis(500));
        assertThat(config.symbols()).containsExactly("VIX");
    }

    private static FeatureConfig mapped(PropertiesConfigSource source) {
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withMapping(FeatureConfig.class)
                .withSources(source)
                .withConverter(Duration.class, 100, new DurationConverter()) // Quarkus's "2s", "500ms"
                .build();
        return config.getConfigMapping(FeatureConfig.class);
    }
}
