package io.vixlab.trainer.service;

import io.vixlab.contracts.MessageLimits;
import io.vixlab.contracts.training.TrainingProgress.RunKind;
import io.vixlab.contracts.training.TrialResult;
import io.vixlab.contracts.training.TrialState;
import io.vixlab.contracts.tuning.TrainingLimits;
import io.vixlab.contracts.tuning.TrialConfig;
import io.vixlab.trainer.config.TrainerConfig;
import io.vixlab.trainer.messaging.out.TrainingEventPublisher;
import io.vixlab.trainer.training.CrossValidationResult;
import io.vixlab.trainer.training.EpochRecord;
import io.vixlab.trainer.training.FitResult;
import io.vixlab.trainer.training.Trainer;
import io.vixlab.trainer.training.TrainingFailedException;
import io.vixlab.trainer.training.Windows;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Answers a tuning trial: cross-validates it with progress every epoch and stops it when pruned or
 * cancelled. An invalid trial is answered FAILED with its reason and is rejected as poison (the
 * dead-letter topic); a trial whose training fails (a non-finite loss) is answered FAILED only.
 */
@ApplicationScoped
public class TrialService {

    private static final Logger LOG = Logger.getLogger(TrialService.class);

    private final DatasetCache datasets;
    private final StopRequests stops;
    private final TrainingEventPublisher events;
    private final RunAnswers answers;
    private final TrainerConfig config;
    private final String trainerName;

    public TrialService(DatasetCache datasets, StopRequests stops, TrainingEventPublisher events, RunAnswers answers,
            TrainerConfig config) {
        this.datasets = datasets;
        this.stops = stops;
        this.events = events;
        this.answers = answers;
        this.config = config;
        this.trainerName = config.trainerName();
    }

    /** Returns once the trial's result is on the broker, or the trial stopped unanswered. */
    public RunAnswers.Outcome answer(TrialConfig trial, RunContext delivery) {
        try {
            return answers.answer(RunKind.TRIAL, trial.trialId(), trial.attempt(), delivery, () -> train(trial, delivery),
                    events::publish);
        } finally {
            stops.forget(trial.trialId(), trial.attempt());
        }
    }

    /** Empty when the trial stopped without an answer: this trainer stops, or another answered it. */
    private Optional<Answer<TrialResult>> train(TrialConfig trial, RunContext delivery) {
        long start = System.nanoTime();
        if (delivery.lastDelivery()) {
            String reason = delivery.undeliverableReason();
            return Optional.of(Answer.rejected(failed(trial, reason, start), reason));
        }
        try {
            ValidatedRun run = ValidatedRun.of(trial.architecture(), trial.params(), trial.training(),
                    TrainingLimits.Purpose.TUNING, trial.datasetId(), datasets, config.datasetWait());
            LOG.infof("trial %s attempt %d: %s on dataset %s", trial.trialId(), trial.attempt(),
                    run.architecture().displayName(), trial.datasetId());
            TrainingData data = run.data();
            Windows train = data.encoding(trial.training().target()).encode(data.train(), data.trainPreviousCloses());
            CrossValidationResult cv = Trainer.crossValidate(run.architecture(), trial.params(), train, trial.training(), new ProgressReporter(events, stops, answers, new ProgressReporter.RunOf(
                            trial.studyId(), trial.trialId(), trial.attempt(), trial.architecture(), RunKind.TRIAL,
                            trial.training().epochs()), delivery));
            List<Double> foldScores = cv.folds().stream().map(FitResult::bestValLoss).toList();
            List<List<Double>> foldCurves = cv.folds().stream()
                    .map(fold -> fold.history().stream().map(EpochRecord::valLoss).toList()).toList();
            int parameterCount = Math.toIntExact(cv.parameterCount());
            if (cv.stopped()) {
                return stops.requested(trial.trialId(), trial.attempt()).map(StopState::of).map(stop -> Answer.of(
                        result(trial, stop.state(), null, foldScores, foldCurves, parameterCount, stop.reason(), start)));
            }
            return Optional.of(Answer.of(result(trial, TrialState.COMPLETE, cv.score(), foldScores, foldCurves, parameterCount,
                    null, start)));
        } catch (RejectedRunException e) {
            return Optional.of(Answer.rejected(failed(trial, e.getMessage(), start), e.getMessage()));
        } catch (IllegalArgumentException e) {
            String reason = "the trial cannot be trained: " + e.getMessage();
            return Optional.of(Answer.rejected(failed(trial, reason, start), reason));
        } catch (TrainingFailedException e) {
            return Optional.of(Answer.of(failed(trial, e.getMessage(), start)));
        } catch (RuntimeException e) {
            LOG.errorf(e, "trial %s attempt %d failed", trial.trialId(), trial.attempt());
            return Optional.of(Answer.of(failed(trial, TrainingFailedException.unexpected(e), start)));
        }
    }

    private TrialResult failed(TrialConfig trial, String error, long startNanos) {
        return result(trial, TrialState.FAILED, null, null, null, null, error, startNanos);
    }

    private TrialResult result(TrialConfig trial, TrialState state, Double value, List<Double> foldScores,
            List<List<Double>> foldCurves, Integer parameterCount, String error, long startNanos) {
        return new TrialResult(TrialResult.SCHEMA_VERSION, trial.studyId(), trial.trialId(), trial.trialNumber(),
                trial.attempt(), trial.architecture(), state, value, foldScores, foldCurves, parameterCount,
                MessageLimits.capped(error),
                (System.nanoTime() - startNanos) / 1_000_000, trainerName, Instant.now());
    }
}
