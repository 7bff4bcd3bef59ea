package io.vixlab.report.messaging.in;

import io.smallrye.common.annotation.Blocking;
import io.vixlab.contracts.EventSchemas;
import io.vixlab.contracts.tuning.TrialConfig;
import io.vixlab.report.service.TrialConfigs;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * The trials the tuner issues on {@code tuning.trials}, read by this service's own consumer group
 * (the trainers take them from a share group): each trial's parameters, for the report page. A
 * message that breaks its schema goes to the dead-letter topic with the reason.
 */
@ApplicationScoped
public class TrialConfigsConsumer {

    private final TrialConfigs configs;

    public TrialConfigsConsumer(TrialConfigs configs) {
        this.configs = configs;
    }

    @Incoming("tuning-trials")
    @Blocking
    public void trialConfig(String json) {
        configs.record(EventSchemas.parse(json, TrialConfig.class));
    }
}
