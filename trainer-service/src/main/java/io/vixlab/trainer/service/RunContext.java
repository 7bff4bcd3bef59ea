package io.vixlab.trainer.service;

import java.util.function.BooleanSupplier;

/**
 * One delivery of a run, as the service sees it.
 *
 * @param deliveryCount 1 the first time; more when a trainer took it before and did not answer
 * @param lastDelivery  the work queue will not deliver it again
 * @param stopping      true once this trainer is shutting down: the run stops and goes to another
 */
public record RunContext(int deliveryCount, boolean lastDelivery, BooleanSupplier stopping) {

    public boolean isStopping() {
        return stopping.getAsBoolean();
    }

    /**
     * Why a run on its last delivery is answered FAILED without training: every trainer that took it
     * died or stopped before answering, so training it again would most likely do the same.
     */
    public String undeliverableReason() {
        return "delivered " + deliveryCount + " times and never answered: each trainer that took it stopped or died"
                + " while training it";
    }
}
