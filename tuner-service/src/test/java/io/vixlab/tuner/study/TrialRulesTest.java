package io.vixlab.tuner.study;

import static io.vixlab.tuner.study.LoopHarness.BASIC;
import static io.vixlab.tuner.study.LoopHarness.QUEUED_TIMEOUT;
import static io.vixlab.tuner.study.LoopHarness.STALE_AFTER;
import static io.vixlab.tuner.study.LoopHarness.plan;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vixlab.contracts.training.TrialState;
import io.vixlab.contracts.tuning.StudyEvent.Status;
import io.vixlab.contracts.tuning.TrialConfig;
import io.vixlab.contracts.tuning.TrialControl;
import io.vixlab.tuner.study.ArchitectureTuning.Phase;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A trial's rules in the study loop's core, on a fake clock: no broker, no database, no waiting. */
class TrialRulesTest {

    private static final Duration SECOND = Duration.ofSeconds(1);

    @Test
    void theMedianPrunerStopsATrialAtTheStepThatRunsOnAcrossFoldsOnce() {
        LoopHarness loop = LoopHarness.started(plan(List.of(BASIC), 6, 1, "median", 60));
        // Five complete trials: 2.0 in the first fold, 0.5 to 0.9 in the second (median 0.7).
        for (int number = 0; number < 5; number++) {
            StudyTrial trial = loop.trial(BASIC, number);
            loop.trainsAt(trial, 2.0, 0.5 + number * 0.1);
            loop.completes(trial, 0.5 + number * 0.1);
        }
        StudyTrial worst = loop.trial(BASIC, 5);

        assertThat(loop.progress(worst, 1, 0, 0, 1.5)).as("better than the median at step 0").isEmpty();
        assertThat(loop.progress(worst, 1, 0, 1, 1.4)).isEmpty();
        // Fold 1, epoch 0 is step 2: its best so far, 1.3, is worse than the others' median there.
        List<?> pruned = loop.progress(worst, 1, 1, 0, 1.3);
        loop.progress(worst, 1, 1, 1, 1.35);

        assertThat(worst.intermediateValues).containsOnlyKeys(0, 1, 2, 3);
        assertThat(pruned).singleElement().isInstanceOfSatisfying(TrialControl.class, c -> {
            assertThat(c.action()).isEqualTo(TrialControl.Action.PRUNE);
            assertThat(c.trialId()).isEqualTo(worst.id);
            assertThat(c.reason()).isEqualTo("median pruner at step 2");
        });
        assertThat(loop.sent(TrialControl.class)).as("sent once").hasSize(1);

        loop.result(worst, 1, TrialState.PRUNED, null, null);
        assertThat(worst.state).isEqualTo(TrialState.PRUNED);
        assertThat(worst.value).as("its last intermediate value, as Optuna keeps").isEqualTo(1.35);
    }

    @Test
    void progressThatArrivesAfterTheResultStillCountsForThePruner() {
        LoopHarness loop = LoopHarness.started(plan(List.of(BASIC), 2, 1));
        StudyTrial trial = loop.trial(BASIC, 0);
        loop.progress(trial, 1, 0, 0, 0.9);
        loop.completes(trial, 0.8);

        assertThat(loop.progress(trial, 1, 1, 1, 0.8)).isEmpty();
        assertThat(loop.progress(trial, 1, 1, 1, 0.1)).as("a second report for a step is ignored").isEmpty();

        assertThat(trial.intermediateValues).containsEntry(0, 0.9).containsEntry(3, 0.8).hasSize(2);
        assertThat(trial.state).isEqualTo(TrialState.COMPLETE);
    }

    @Test
    void aStartedTrialThatWentSilentIsReissuedAfterStaleAfterAsANewAttempt() {
        LoopHarness loop = LoopHarness.started(plan(List.of(BASIC), 2, 1));
        StudyTrial trial = loop.trial(BASIC, 0);
        loop.progress(trial, 1, 0, 0, 0.9);

        assertThat(loop.later(STALE_AFTER)).as("not beyond stale-after yet").isEmpty();
        List<?> reissued = loop.later(SECOND);

        assertThat(reissued).singleElement().isInstanceOfSatisfying(TrialConfig.class, c -> {
            assertThat(c.trialId()).isEqualTo(trial.id);
            assertThat(c.attempt()).isEqualTo(2);
            assertThat(c.params()).isEqualTo(trial.params);
        });
        assertThat(trial.attempt).isEqualTo(2);
        assertThat(trial.intermediateValues).as("the new attempt trains from scratch").isEmpty();
        assertThat(trial.lastProgressAt).isEqualTo(loop.now());
    }

    @Test
    void aQueuedTrialWaitsLongerThanStaleAfterAndIsReissuedOnlyAfterTheQueuedTimeout() {
        LoopHarness loop = LoopHarness.started(plan(List.of(BASIC), 2, 1));
        StudyTrial trial = loop.trial(BASIC, 0);

        assertThat(loop.later(STALE_AFTER.multipliedBy(2))).isEmpty();
        assertThat(loop.later(QUEUED_TIMEOUT.minus(STALE_AFTER.multipliedBy(2)))).isEmpty();
        assertThat(loop.later(SECOND)).singleElement().isInstanceOf(TrialConfig.class);
        assertThat(trial.attempt).isEqualTo(2);

        // It starts late, in its second attempt: from now on stale-after applies.
        loop.pass(QUEUED_TIMEOUT.minusSeconds(10));
        loop.progress(trial, 2, 0, 0, 0.7);
        loop.completes(trial, 0.6);
        assertThat(trial.state).isEqualTo(TrialState.COMPLETE);
        assertThat(trial.value).isEqualTo(0.6);
    }

    @Test
    void theLastAttemptRunningOutFailsTheTrialNamingTheLimit() {
        LoopHarness loop = LoopHarness.started(plan(List.of(BASIC), 2, 2));
        StudyTrial queued = loop.trial(BASIC, 0);
        StudyTrial silent = loop.trial(BASIC, 1);
        loop.progress(silent, 1, 0, 0, 0.9);
        loop.later(QUEUED_TIMEOUT.plus(SECOND));
        loop.progress(silent, 2, 0, 0, 0.9);

        loop.later(QUEUED_TIMEOUT.plus(SECOND));

        assertThat(queued.state).isEqualTo(TrialState.FAILED);
        assertThat(queued.failureReason).isEqualTo("queued for PT10M without starting in attempt 2 of 2");
        assertThat(silent.state).isEqualTo(TrialState.FAILED);
        assertThat(silent.failureReason).isEqualTo("no progress for PT3M in attempt 2 of 2");
        assertThat(loop.issued()).containsExactlyInAnyOrder(BASIC + "#0#1", BASIC + "#1#1", BASIC + "#0#2",
                BASIC + "#1#2");
        assertThat(loop.architecture(BASIC).phase).as("no trial completed").isEqualTo(Phase.FAILED);
        assertThat(loop.architecture(BASIC).detail)
                .isEqualTo("no trial completed: no parameters to train a final model with");
        assertThat(loop.study().status).isEqualTo(Status.FAILED);
        assertThat(loop.study().detail).isEqualTo("no architecture produced a final model: " + BASIC
                + ": no trial completed: no parameters to train a final model with");
        assertThat(loop.studyEvents()).containsExactly(Status.RUNNING, Status.ARCHITECTURE_TUNED, Status.FAILED);
    }

    @Test
    void aLateResultOfAnOldAttemptAndARedeliveredResultChangeNothing() {
        LoopHarness loop = LoopHarness.started(plan(List.of(BASIC), 2, 1));
        StudyTrial trial = loop.trial(BASIC, 0);
        loop.later(QUEUED_TIMEOUT.plus(SECOND));

        assertThat(loop.result(trial, 1, TrialState.COMPLETE, -100.0, null)).isEmpty();
        assertThat(trial.state).isEqualTo(TrialState.RUNNING);

        loop.completes(trial, 0.5);
        int sent = loop.issued().size();
        assertThat(loop.result(trial, 2, TrialState.COMPLETE, 0.1, null)).isEmpty();
        assertThat(trial.value).isEqualTo(0.5);
        assertThat(loop.result(loop.trial(BASIC, 1), 7, TrialState.COMPLETE, 0.1, null)).isEmpty();
        assertThat(loop.issued()).hasSize(sent);
    }

    @Test
    void resultsOfUnknownTrialsAreIgnoredAndAResultMustSayHowTheRunEnded() {
        LoopHarness loop = LoopHarness.started(plan(List.of(BASIC), 2, 1));
        StudyTrial stranger = StudyTrial.asked("study-2", BASIC, 0, java.util.Map.of(), loop.now());

        assertThat(loop.result(stranger, 1, TrialState.COMPLETE, 0.1, null)).isEmpty();
        assertThatThrownBy(() -> loop.result(loop.trial(BASIC, 0), 1, TrialState.RUNNING, null, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the result of " + loop.trial(BASIC, 0).id + " must say how the run ended, not RUNNING");
        assertThat(loop.trial(BASIC, 0).state).isEqualTo(TrialState.RUNNING);
    }

    @Test
    void failedAndCancelledResultsKeepTheirReason() {
        LoopHarness loop = LoopHarness.started(plan(List.of(BASIC), 4, 4));
        loop.result(loop.trial(BASIC, 0), 1, TrialState.FAILED, null, "CUDA out of memory");
        loop.result(loop.trial(BASIC, 1), 1, TrialState.FAILED, null, null);
        loop.result(loop.trial(BASIC, 2), 1, TrialState.CANCELLED, null, "shutting down");
        loop.result(loop.trial(BASIC, 3), 1, TrialState.COMPLETE, null, null);

        assertThat(loop.snapshot().trialsOf(BASIC)).extracting(t -> t.state + ": " + t.failureReason).containsExactly(
                "FAILED: CUDA out of memory", "FAILED: failed without a reason",
                "FAILED: cancelled by the trainer: shutting down",
                "FAILED: reported COMPLETE without a usable value: null");
        assertThat(loop.snapshot().trials()).allSatisfy(t -> assertThat(t.finishedAt).isEqualTo(loop.now()));
    }

}
