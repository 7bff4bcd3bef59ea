package io.vixlab.trainer.service;

import io.vixlab.contracts.training.TrainingProgress.RunKind;
import io.vixlab.contracts.training.TrialResult;
import io.vixlab.contracts.training.TrialState;
import io.vixlab.contracts.tuning.TrialConfig;
import io.vixlab.trainer.config.TrainerConfig;
import io.vixlab.trainer.messaging.TrainingEventPublisher;
import io.vixlab.trainer.training.CrossValidationResult;
import io.vixlab.trainer.training.FitResult;
import io.vixlab.trainer.training.Trainer;
import io.vixlab.trainer.training.TrainingFailedException;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Answers a tuning trial: cross-validates it with progress every epoch and stops it when pruned or
 * cancelled. An invalid trial is answered FAILED with its reason and goes to the dead-letter topic;
 * a trial whose training fails (a non-finite loss) is answered FAILED only.
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

    /**
     * Returns once the trial's result is on the broker.
     *
     * @throws RejectedRunException after answering a trial that cannot be trained
     */
    public void answer(TrialConfig trial) {
        try {
            answers.answer(RunKind.TRIAL, trial.trialId(), trial.attempt(), TrialResult.class, () -> train(trial),
                    events::publish);
        } finally {
            stops.forget(trial.trialId(), trial.attempt());
        }
    }

    private Answer<TrialResult> train(TrialConfig trial) {
        long start = System.nanoTime();
        try {
            ValidatedRun run = ValidatedRun.of(trial.architecture(), trial.params(), trial.datasetId(), datasets,
                    config.datasetWait());
            LOG.infof("trial %s attempt %d: %s on dataset %s", trial.trialId(), trial.attempt(),
                    run.architecture().displayName(), trial.datasetId());
            CrossValidationResult cv = Trainer.crossValidate(run.architecture(), trial.params(), run.data().train(),
                    trial.training(), new ProgressReporter(events, stops, trial.studyId(), trial.trialId(),
                            trial.attempt(), trial.architecture(), RunKind.TRIAL, trial.training().epochs()));
            List<Double> foldScores = cv.folds().stream().map(FitResult::bestValLoss).toList();
            int parameterCount = Math.toIntExact(cv.parameterCount());
            if (cv.stopped()) {
                StopState stop = StopState.of(stops.requested(trial.trialId(), trial.attempt()).orElseThrow());
                return Answer.of(result(trial, stop.state(), null, foldScores, parameterCount, stop.reason(), start));
            }
            return Answer.of(result(trial, TrialState.COMPLETE, cv.score(), foldScores, parameterCount, null, start));
        } catch (RejectedRunException e) {
            return Answer.rejected(failed(trial, e.getMessage(), start), e.getMessage());
        } catch (IllegalArgumentException e) {
            String reason = "the trial cannot be trained: " + e.getMessage();
            return Answer.rejected(failed(trial, reason, start), reason);
        } catch (TrainingFailedException e) {
            return Answer.of(failed(trial, e.getMessage(), start));
        } catch (RuntimeException e) {
            LOG.errorf(e, "trial %s attempt %d failed", trial.trialId(), trial.attempt());
            return Answer.of(failed(trial, "training error: " + e, start));
        }
    }

    private TrialResult failed(TrialConfig trial, String error, long startNanos) {
        return result(trial, TrialState.FAILED, null, null, null, error, startNanos);
    }

    private TrialResult result(TrialConfig trial, TrialState state, Double value, List<Double> foldScores,
            Integer parameterCount, String error, long startNanos) {
        return new TrialResult(TrialResult.SCHEMA_VERSION, trial.studyId(), trial.trialId(), trial.trialNumber(),
                trial.attempt(), trial.architecture(), state, value, foldScores, parameterCount, error,
                (System.nanoTime() - startNanos) / 1_000_000, trainerName, Instant.now());
    }
}
