package io.vixlab.ingest.api;

import io.vixlab.ingest.messaging.PublishException;
import io.vixlab.ingest.run.BarRepair;
import io.vixlab.ingest.service.InvalidRequestException;
import io.vixlab.kit.rest.Problems;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** The service's own failures as problem+json, for every resource: ingest runs and bar repairs alike. */
public class IngestProblems {

    @ServerExceptionMapper
    public Response invalidRequest(InvalidRequestException e) {
        return Problems.badRequest("the request is invalid", List.of(new Problems.InvalidParam(e.parameter(), e.getMessage())));
    }

    @ServerExceptionMapper
    public Response notPublished(PublishException e) {
        return Problems.of(Response.Status.SERVICE_UNAVAILABLE, e.getMessage());
    }

    @ServerExceptionMapper
    public Response nothingToRepair(BarRepair.NothingToRepairException e) {
        return Problems.of(Response.Status.NOT_FOUND, e.getMessage());
    }
}
