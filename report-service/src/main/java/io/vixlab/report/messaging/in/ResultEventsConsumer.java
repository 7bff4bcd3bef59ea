package io.vixlab.report.messaging.in;

import io.smallrye.common.annotation.Blocking;
import io.vixlab.contracts.EventSchemas;
import io.vixlab.contracts.dataset.DatasetManifest;
import io.vixlab.contracts.market.MarketBar;
import io.vixlab.contracts.training.ModelResult;
import io.vixlab.contracts.training.TrainingProgress;
import io.vixlab.contracts.training.TrialResult;
import io.vixlab.report.service.ResultStore;
import io.vixlab.report.service.StudyChanges;
import io.vixlab.report.service.StudyReports;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * What studies produce and what their reports need: trial results, final model results,
 * training progress, dataset manifests and VIX bars. Each is stored once however often it is
 * delivered; a message that breaks its schema throws, which sends it to the dead-letter topic with
 * the reason. Arrivals that can complete a study (a final result, a dataset, a close) let its
 * report be published; a trial result that comes after the report may publish it again. A stored
 * result or epoch is announced to the live page ({@link StudyChanges}).
 */
@ApplicationScoped
public class ResultEventsConsumer {

    private final ResultStore store;
    private final StudyReports reports;
    private final StudyChanges changes;

    public ResultEventsConsumer(ResultStore store, StudyReports reports, StudyChanges changes) {
        this.store = store;
        this.reports = reports;
        this.changes = changes;
    }

    @Incoming("training-results")
    @Blocking
    public void trialResult(String json) {
        TrialResult result = EventSchemas.parse(json, TrialResult.class);
        if (store.record(result)) {
            changes.changed(result.studyId());
            reports.republishIfChanged(result.studyId());
        }
    }

    @Incoming("training-progress")
    @Blocking
    public void trainingProgress(String json) {
        TrainingProgress progress = EventSchemas.parse(json, TrainingProgress.class);
        if (store.record(progress)) {
            changes.changed(progress.studyId());
        }
    }

    @Incoming("models-results")
    @Blocking
    public void modelResult(String json) {
        ModelResult result = EventSchemas.parse(json, ModelResult.class);
        if (store.record(result)) {
            changes.changed(result.studyId());
            reports.publishIfComplete(result.studyId());
        }
    }

    @Incoming("feature-datasets")
    @Blocking
    public void datasetManifest(String json) {
        if (store.record(EventSchemas.parse(json, DatasetManifest.class))) {
            reports.publishWaiting();
        }
    }

    @Incoming("market-bars")
    @Blocking
    public void marketBar(String json) {
        if (store.record(EventSchemas.parse(json, MarketBar.class))) {
            reports.publishWaiting();
        }
    }
}
