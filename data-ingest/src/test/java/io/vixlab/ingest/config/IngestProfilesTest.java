package io.vixlab.ingest.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.parser.CronParser;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The per-profile values of application.properties, read as Quarkus reads them, without starting the service. */
class IngestProfilesTest {

    @Test
    void productionRefreshesFromCboeOnAValidQuartzSchedule() throws IOException {
        SmallRyeConfig prod = configOf("prod");

        assertThat(prod.getValue("vixlab.ingest.source", String.class)).isEqualTo("cboe");
        String cron = prod.getValue("vixlab.ingest.schedule.cron", String.class);
        assertThat(cron).isEqualTo("0 0 19 ? * MON-FRI");
        // The scheduler parses crons as Quartz ones and refuses to start on one it cannot read.
        new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.QUARTZ)).parse(cron).validate();
    }

    @Test
    void theRefreshIsOffLocallyEvenOnTopOfProductionSettings() throws IOException {
        for (SmallRyeConfig local : List.of(configOf("dev"), configOf("test"), configOf("local"), configOf("prod", "local"))) {
            assertThat(local.getValue("vixlab.ingest.schedule.cron", String.class)).isEqualTo("off");
        }
        assertThat(configOf("dev").getValue("vixlab.ingest.source", String.class)).isEqualTo("snapshot");
    }

    private static SmallRyeConfig configOf(String... profiles) throws IOException {
        return new SmallRyeConfigBuilder()
                .withProfiles(List.of(profiles))
                .withSources(new PropertiesConfigSource(IngestProfilesTest.class.getResource("/application.properties"), 250))
                .build();
    }
}
