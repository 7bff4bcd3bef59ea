package io.vixlab.tuner.api;

import io.vixlab.kit.rest.Problems;
import io.vixlab.tuner.service.StudyService;
import io.vixlab.tuner.service.StudyViews.StudyView;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;

/**
 * Studies over REST: create one (an empty body is the seed's full study), list them, show one with
 * its architectures and trials, cancel one.
 */
@Path("/api/studies")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class StudyResource {

    private final StudyService studies;

    public StudyResource(StudyService studies) {
        this.studies = studies;
    }

    @POST
    public Response create(@Valid StudySpec spec) {
        StudyView created = studies.create((spec == null ? emptySpec() : spec).toPlan());
        return Response.created(URI.create("/api/studies/" + created.id())).entity(created).build();
    }

    @GET
    public List<StudyView> list() {
        return studies.list();
    }

    @GET
    @Path("/{id}")
    public Response show(@PathParam("id") String id) {
        return studies.find(id).map(study -> Response.ok(study).build())
                .orElseGet(() -> Problems.of(Response.Status.NOT_FOUND, "no study " + id));
    }

    /** Stops the study's running trials and announces it CANCELLED; a finished study answers 409. */
    @POST
    @Path("/{id}/cancel")
    @Consumes(MediaType.WILDCARD)
    public Response cancel(@PathParam("id") String id) {
        return switch (studies.cancel(id)) {
            case CANCELLED -> Response.ok(studies.find(id).orElseThrow()).build();
            case ALREADY_FINISHED -> Problems.of(Response.Status.CONFLICT, "study " + id + " has already finished");
            case NOT_FOUND -> Problems.of(Response.Status.NOT_FOUND, "no study " + id);
        };
    }

    private static StudySpec emptySpec() {
        return new StudySpec(null, null, null, null, null, null, null, null, null, null, null, null, null, null);
    }
}
