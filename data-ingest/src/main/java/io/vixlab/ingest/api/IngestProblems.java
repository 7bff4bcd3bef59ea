package io.vixlab.ingest.api;

import io.vixlab.ingest.messaging.out.PublishException;
import io.vixlab.ingest.run.BarRepair;
import io.vixlab.kit.rest.Problems;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** The service's own failures as problem+json, for every resource: ingest runs and bar repairs alike. */
public class IngestProblems {

    @ServerExceptionMapper
    public Response notPublished(PublishException e) {
        return Problems.of(Response.Status.SERVICE_UNAVAILABLE, e.getMessage());
    }

    @ServerExceptionMapper
    public Response nothingToRepair(BarRepair.NothingToRepairException e) {
        return Problems.of(Response.Status.NOT_FOUND, e.getMessage());
    }
}
