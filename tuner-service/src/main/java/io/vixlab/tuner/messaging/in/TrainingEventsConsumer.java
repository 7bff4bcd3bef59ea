package io.vixlab.tuner.messaging.in;

import io.smallrye.common.annotation.Blocking;
import io.vixlab.contracts.EventSchemas;
import io.vixlab.contracts.dataset.DatasetManifest;
import io.vixlab.contracts.training.ModelResult;
import io.vixlab.contracts.training.TrainingProgress;
import io.vixlab.contracts.training.TrialResult;
import io.vixlab.tuner.service.StudyRunner;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * What trainers and feature-service report, handed to the study loop. A message that breaks its
 * schema throws and goes to the dead-letter topic with the reason; messages about unknown trials,
 * old attempts or finished runs are ignored by the loop, so redeliveries change nothing.
 */
@ApplicationScoped
public class TrainingEventsConsumer {

    private final StudyRunner runner;

    public TrainingEventsConsumer(StudyRunner runner) {
        this.runner = runner;
    }

    @Incoming("training-progress")
    @Blocking
    public void progress(String json) {
        runner.onProgress(EventSchemas.parse(json, TrainingProgress.class));
    }

    @Incoming("training-results")
    @Blocking
    public void result(String json) {
        runner.onResult(EventSchemas.parse(json, TrialResult.class));
    }

    @Incoming("models-results")
    @Blocking
    public void modelResult(String json) {
        runner.onModelResult(EventSchemas.parse(json, ModelResult.class));
    }

    @Incoming("feature-datasets")
    @Blocking
    public void dataset(String json) {
        runner.onDataset(EventSchemas.parse(json, DatasetManifest.class));
    }
}
