package io.vixlab.features.api;

import io.vixlab.contracts.dataset.AssembledDataset;
import io.vixlab.contracts.dataset.DatasetManifest;
import io.vixlab.features.service.DatasetService;
import io.vixlab.features.service.DatasetService.Rebuild;
import io.vixlab.kit.rest.Problems;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * Published datasets over REST: their manifests, their windows (JSON, or CSV for notebooks), and a
 * rebuild from the stored bars on demand.
 */
@Path("/api/datasets")
@Produces(MediaType.APPLICATION_JSON)
public class DatasetResource {

    static final String TEXT_CSV = "text/csv";

    private final DatasetService datasets;

    public DatasetResource(DatasetService datasets) {
        this.datasets = datasets;
    }

    /** Published manifests, newest first. */
    @GET
    public List<DatasetManifest> list() {
        return datasets.published();
    }

    @GET
    @Path("/latest")
    public Response latest() {
        return found(datasets.latest(), "no dataset has been published yet");
    }

    @GET
    @Path("/{id}")
    public Response show(@PathParam("id") String id) {
        return found(datasets.findPublished(id), "no published dataset " + id);
    }

    @GET
    @Path("/{id}/windows")
    public Response windows(@PathParam("id") String id) {
        return found(datasets.windows(id).map(DatasetWindowsView::of), "no published dataset " + id);
    }

    @GET
    @Path("/{id}/windows")
    @Produces(TEXT_CSV)
    public Response windowsCsv(@PathParam("id") String id) {
        Optional<AssembledDataset> dataset = datasets.windows(id);
        if (dataset.isEmpty()) {
            return Problems.of(Response.Status.NOT_FOUND, "no published dataset " + id);
        }
        return Response.ok(WindowsCsv.of(dataset.get()), TEXT_CSV)
                .header("Content-Disposition", "attachment; filename=\"" + id + ".csv\"")
                .build();
    }

    /**
     * Builds the dataset of the stored bars now: 201 with its manifest when this published it, 200
     * when a dataset with its id was already published, 409 when the bars do not make a dataset.
     */
    @POST
    @Path("/rebuild")
    public Response rebuild() {
        Rebuild rebuild;
        try {
            rebuild = datasets.rebuild();
        } catch (IllegalArgumentException e) {
            return Problems.of(Response.Status.CONFLICT, "cannot build a dataset from the stored bars: " + e.getMessage());
        }
        DatasetManifest manifest = rebuild.manifest();
        return rebuild.published()
                ? Response.created(URI.create("/api/datasets/" + manifest.datasetId())).entity(manifest).build()
                : Response.ok(manifest).build();
    }

    private static Response found(Optional<?> body, String missing) {
        return body.map(entity -> Response.ok(entity).build())
                .orElseGet(() -> Problems.of(Response.Status.NOT_FOUND, missing));
    }
}
