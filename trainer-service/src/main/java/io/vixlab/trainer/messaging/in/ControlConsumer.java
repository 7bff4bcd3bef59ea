package io.vixlab.trainer.messaging.in;

import io.vixlab.contracts.EventSchemas;
import io.vixlab.contracts.tuning.TrialControl;
import io.vixlab.trainer.service.StopRequests;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Prune and cancel requests from {@code tuning.control}, heard by every pod (its own group) while a
 * run trains on the training pool; the run stops at the end of its current epoch.
 */
@ApplicationScoped
public class ControlConsumer {

    private final StopRequests stops;

    public ControlConsumer(StopRequests stops) {
        this.stops = stops;
    }

    @Incoming("tuning-control")
    public void control(String json) {
        stops.record(EventSchemas.parse(json, TrialControl.class));
    }
}
