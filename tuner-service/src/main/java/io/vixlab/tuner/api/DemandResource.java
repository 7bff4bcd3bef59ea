package io.vixlab.tuner.api;

import io.vixlab.tuner.demand.RunDemand;
import io.vixlab.tuner.demand.TrainerDemand;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * The trainers' demand: what KEDA's metrics-api scaler reads ({@code valueLocation: wantedTrainers})
 * to scale the trainer Deployment. A read, so it needs no API key.
 */
@Path("/api/demand")
@Produces(MediaType.APPLICATION_JSON)
public class DemandResource {

    private final TrainerDemand demand;

    public DemandResource(TrainerDemand demand) {
        this.demand = demand;
    }

    @GET
    public RunDemand demand() {
        return demand.current();
    }
}
