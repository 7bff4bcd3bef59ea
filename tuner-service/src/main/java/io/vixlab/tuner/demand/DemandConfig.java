package io.vixlab.tuner.demand;

import io.smallrye.config.ConfigMapping;
import jakarta.validation.constraints.Min;

/** How the trainers' demand is reported; defaults in {@code application.properties}. */
@ConfigMapping(prefix = "vixlab.tuner.demand")
public interface DemandConfig {

    /**
     * The most trainers the demand asks for, however many runs wait: the autoscaler's maximum
     * (the trainer ScaledObject's {@code maxReplicaCount}), so that the signal never asks for pods
     * that will not come.
     */
    @Min(1)
    int maxTrainers();
}
