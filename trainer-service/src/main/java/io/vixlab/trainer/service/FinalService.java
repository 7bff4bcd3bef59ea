package io.vixlab.trainer.service;

import io.vixlab.contracts.MessageLimits;
import io.vixlab.contracts.training.Metrics;
import io.vixlab.contracts.training.ModelResult;
import io.vixlab.contracts.training.Prediction;
import io.vixlab.contracts.training.TrainingProgress.RunKind;
import io.vixlab.contracts.training.TrialState;
import io.vixlab.contracts.tuning.FinalTrainingRequest;
import io.vixlab.contracts.tuning.TrainingLimits;
import io.vixlab.modelstore.ModelMetadata;
import io.vixlab.trainer.config.TrainerConfig;
import io.vixlab.trainer.messaging.out.TrainingEventPublisher;
import io.vixlab.trainer.persistence.SavedModelExporter;
import io.vixlab.trainer.training.Evaluation;
import io.vixlab.trainer.training.FinalTraining;
import io.vixlab.trainer.training.TargetEncoding;
import io.vixlab.trainer.training.Trainer;
import io.vixlab.trainer.training.TrainingFailedException;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Answers a final training: trains on the training part (early stopping on its tail), evaluates on
 * the untouched test part in VIX points and scaled units, exports the SavedModel to the model store
 * and publishes metrics, dated predictions and the model's location. Invalid requests are answered
 * FAILED and rejected as poison, as trials are.
 */
@ApplicationScoped
public class FinalService {

    private static final Logger LOG = Logger.getLogger(FinalService.class);

    private final DatasetCache datasets;
    private final StopRequests stops;
    private final TrainingEventPublisher events;
    private final RunAnswers answers;
    private final SavedModelExporter models;
    private final TrainerConfig config;

    public FinalService(DatasetCache datasets, StopRequests stops, TrainingEventPublisher events, RunAnswers answers,
            SavedModelExporter models, TrainerConfig config) {
        this.datasets = datasets;
        this.stops = stops;
        this.events = events;
        this.answers = answers;
        this.models = models;
        this.config = config;
    }

    /** Returns once the model result is on the broker, or the final stopped unanswered. */
    public RunAnswers.Outcome answer(FinalTrainingRequest request, RunContext delivery) {
        try {
            return answers.answer(RunKind.FINAL, request.finalId(), request.attempt(), delivery,
                    () -> train(request, delivery), events::publish);
        } finally {
            stops.forget(request.finalId(), request.attempt());
        }
    }

    /** Empty when the final stopped without an answer: this trainer stops, or another answered it. */
    private Optional<Answer<ModelResult>> train(FinalTrainingRequest request, RunContext delivery) {
        long start = System.nanoTime();
        if (delivery.lastDelivery()) {
            String reason = delivery.undeliverableReason();
            return Optional.of(Answer.rejected(failed(request, reason, start), reason));
        }
        try {
            ValidatedRun run = ValidatedRun.of(request.architecture(), request.params(), request.training(),
                    TrainingLimits.Purpose.FINAL, request.datasetId(), datasets, config.datasetWait());
            LOG.infof("final %s attempt %d: %s on dataset %s", request.finalId(), request.attempt(),
                    run.architecture().displayName(), request.datasetId());
            TrainingData data = run.data();
            TargetEncoding encoding = data.encoding(request.training().target());
            try (FinalTraining training = Trainer.trainFinal(run.architecture(), request.params(),
                    encoding.encode(data.train(), data.trainPreviousCloses()),
                    request.training(), new ProgressReporter(events, stops, answers, new ProgressReporter.RunOf(
                            request.studyId(), request.finalId(), request.attempt(), request.architecture(),
                            RunKind.FINAL, request.training().epochs()), delivery))) {
                int parameterCount = Math.toIntExact(training.model().parameterCount());
                int epochs = training.fit().epochsRun();
                if (training.fit().stoppedByListener()) {
                    return stops.requested(request.finalId(), request.attempt()).map(StopState::of).map(stop ->
                            Answer.of(result(request, stop.state(), null, null, null, parameterCount, epochs, null,
                                    stop.reason(), start)));
                }
                Evaluation evaluation = training.evaluate(data.test(), data.testPreviousCloses(), data.testDates(),
                        encoding).requireFinite();
                URI saved = models.export(training.model(), new ModelMetadata(request.studyId(),
                        run.architecture().displayName(), request.finalId(), request.attempt(), request.datasetId(),
                        request.params(), request.training(), parameterCount, epochs, evaluation.points(),
                        evaluation.scaled(), Instant.now()));
                return Optional.of(Answer.of(result(request, TrialState.COMPLETE, evaluation.points(),
                        evaluation.scaled(), evaluation.predictions(), parameterCount, epochs, saved.toString(), null,
                        start)));
            }
        } catch (RejectedRunException e) {
            return Optional.of(Answer.rejected(failed(request, e.getMessage(), start), e.getMessage()));
        } catch (IllegalArgumentException e) {
            String reason = "the final cannot be trained: " + e.getMessage();
            return Optional.of(Answer.rejected(failed(request, reason, start), reason));
        } catch (TrainingFailedException e) {
            return Optional.of(Answer.of(failed(request, e.getMessage(), start)));
        } catch (IOException | RuntimeException e) {
            LOG.errorf(e, "final %s attempt %d failed", request.finalId(), request.attempt());
            return Optional.of(Answer.of(failed(request, TrainingFailedException.unexpected(e), start)));
        }
    }

    private ModelResult failed(FinalTrainingRequest request, String error, long startNanos) {
        return result(request, TrialState.FAILED, null, null, null, null, null, null, error, startNanos);
    }

    private ModelResult result(FinalTrainingRequest request, TrialState state, Metrics metrics, Metrics scaledMetrics,
            List<Prediction> predictions, Integer parameterCount, Integer epochsTrained, String artifactUri,
            String error, long startNanos) {
        return new ModelResult(ModelResult.SCHEMA_VERSION, request.studyId(), request.finalId(), request.attempt(),
                request.architecture(), state, request.datasetId(), request.params(), request.training(), metrics,
                scaledMetrics, predictions, parameterCount, epochsTrained, (System.nanoTime() - startNanos) / 1_000_000,
                artifactUri, MessageLimits.capped(error), Instant.now());
    }
}
