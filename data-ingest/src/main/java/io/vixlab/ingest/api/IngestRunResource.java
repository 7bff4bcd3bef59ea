package io.vixlab.ingest.api;

import io.vixlab.contracts.market.MarketUpdate;
import io.vixlab.ingest.config.IngestConfig;
import io.vixlab.ingest.config.SourceKind;
import io.vixlab.ingest.service.IngestRunView;
import io.vixlab.ingest.service.IngestService;
import io.vixlab.kit.rest.Problems;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Ingest runs over REST. A run is synchronous (the snapshot takes seconds): 201 with the run when it stored
 * its data, 422 problem+json naming file, row and field when the input was bad (the failed run is recorded),
 * 503 when the data is stored but its events could not be published.
 */
@Path("/api/ingest/runs")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class IngestRunResource {

    private static final int UNPROCESSABLE_CONTENT = 422;

    private final IngestService ingest;
    private final IngestConfig config;

    public IngestRunResource(IngestService ingest, IngestConfig config) {
        this.ingest = ingest;
        this.config = config;
    }

    @POST
    public Response start(@Valid IngestRequest request) {
        Optional<IngestRequest> body = Optional.ofNullable(request);
        SourceKind source = body.map(IngestRequest::source).map(SourceKind::ofLabel).orElse(config.source());
        boolean replaceHistory = body.map(IngestRequest::replaceHistory).orElse(false);
        IngestRunView run = ingest.run(source, body.map(IngestRequest::path), replaceHistory);
        URI location = URI.create("/api/ingest/runs/" + run.id());
        if (run.status() == MarketUpdate.Status.FAILED) {
            return Problems.of(UNPROCESSABLE_CONTENT, "Unprocessable Content", run.error(),
                    Map.of("instance", location.toString()));
        }
        return Response.created(location).entity(run).build();
    }

    @GET
    public List<IngestRunView> latest(@QueryParam("limit") @DefaultValue("50") @Min(1) @Max(1000) int limit) {
        return ingest.latest(limit);
    }

    @GET
    @Path("/{id}")
    public Response show(@PathParam("id") String id) {
        return ingest.find(id).map(run -> Response.ok(run).build())
                .orElseGet(() -> Problems.of(Response.Status.NOT_FOUND, "no ingest run " + id));
    }
}
