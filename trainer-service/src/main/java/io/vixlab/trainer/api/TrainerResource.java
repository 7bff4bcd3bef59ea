package io.vixlab.trainer.api;

import io.vixlab.trainer.config.TrainerConfig;
import io.vixlab.trainer.service.DatasetCache;
import io.vixlab.trainer.service.RunAnswers;
import io.vixlab.trainer.service.TensorFlowDevices;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What this trainer pod is: its name, its TensorFlow devices, the datasets it holds, what it trains
 * now and what became of the runs it took.
 */
@Path("/api/trainer")
@Produces(MediaType.APPLICATION_JSON)
public class TrainerResource {

    /**
     * @param running the attempt being trained, absent when the pod is idle
     * @param runs    how many runs this pod took from the queue, by what became of them
     */
    public record TrainerStatus(String name, Set<String> devices, List<String> datasets, RunAnswers.Running running,
            Map<RunAnswers.Disposition, Long> runs) {
    }

    private final TrainerConfig config;
    private final TensorFlowDevices devices;
    private final DatasetCache datasets;
    private final RunAnswers answers;

    public TrainerResource(TrainerConfig config, TensorFlowDevices devices, DatasetCache datasets, RunAnswers answers) {
        this.config = config;
        this.devices = devices;
        this.datasets = datasets;
        this.answers = answers;
    }

    @GET
    public TrainerStatus status() {
        return new TrainerStatus(config.trainerName(), devices.devices(), datasets.completeDatasets(),
                answers.running().orElse(null), answers.counts());
    }
}
