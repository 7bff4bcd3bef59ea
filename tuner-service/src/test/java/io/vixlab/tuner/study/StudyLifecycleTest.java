package io.vixlab.tuner.study;

import static io.vixlab.tuner.study.LoopHarness.ATTENTION;
import static io.vixlab.tuner.study.LoopHarness.BASIC;
import static io.vixlab.tuner.study.LoopHarness.QUEUED_TIMEOUT;
import static io.vixlab.tuner.study.LoopHarness.STALE_AFTER;
import static io.vixlab.tuner.study.LoopHarness.plan;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vixlab.contracts.training.TrialState;
import io.vixlab.contracts.tuning.FinalTrainingRequest;
import io.vixlab.contracts.tuning.StudyEvent.Status;
import io.vixlab.contracts.tuning.TrialConfig;
import io.vixlab.contracts.tuning.TrialControl;
import io.vixlab.tuner.study.ArchitectureTuning.Phase;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A study's and its final trainings' rules in the study loop's core, on a fake clock: no broker, no database, no waiting. */
class StudyLifecycleTest {

    private static final Duration SECOND = Duration.ofSeconds(1);

    @Test
    void aStudyOnTheLatestDatasetWaitsForOneThenStartsWithTheNewest() {
        StudyPlan latest = withDataset(plan(List.of(BASIC), 4, 2), StudyPlan.LATEST_DATASET);
        LoopHarness waiting = LoopHarness.created(latest, null);

        assertThat(waiting.advance()).isEmpty();
        assertThat(waiting.study().status).isEqualTo(Status.CREATED);
        assertThat(waiting.snapshot().trials()).isEmpty();

        LoopHarness known = LoopHarness.created(latest, "ds-newest");
        known.advance();
        assertThat(known.study().status).isEqualTo(Status.RUNNING);
        assertThat(known.study().datasetId).isEqualTo("ds-newest");
        assertThat(known.studyEvents()).containsExactly(Status.RUNNING);
        assertThat(known.sent(TrialConfig.class)).extracting(TrialConfig::datasetId).containsOnly("ds-newest");
    }

    @Test
    void architecturesTakeTheFreeSlotsInPlanOrderAndGetExactlyTheirBudget() {
        LoopHarness loop = LoopHarness.started(plan(List.of(BASIC, ATTENTION), 3, 2));
        assertThat(loop.issued()).containsExactly(BASIC + "#0#1", BASIC + "#1#1");

        loop.completes(loop.trial(BASIC, 0), 2.0);
        assertThat(loop.issued()).as("the first architecture's last trial").endsWith(BASIC + "#2#1");
        loop.completes(loop.trial(BASIC, 1), 1.0);
        assertThat(loop.issued()).as("the next architecture starts while the first one's last trial runs")
                .endsWith(ATTENTION + "#0#1");

        loop.completes(loop.trial(BASIC, 2), 3.0);
        assertThat(loop.architecture(BASIC).phase).isEqualTo(Phase.FINAL_REQUESTED);
        FinalTrainingRequest request = loop.sent(FinalTrainingRequest.class).get(0);
        assertThat(request.bestTrialId()).isEqualTo(loop.trial(BASIC, 1).id);
        assertThat(request.bestValue()).isEqualTo(1.0);
        assertThat(request.params()).isEqualTo(loop.trial(BASIC, 1).params);
        assertThat(request.training()).isEqualTo(loop.study().plan.finalTraining());

        loop.completeTuning(ATTENTION);
        assertThat(loop.issued()).hasSize(6).doesNotHaveDuplicates();
        assertThat(loop.later(Duration.ofMinutes(5))).as("nothing more to ask").isEmpty();
        assertThat(loop.studyEvents()).containsExactly(Status.RUNNING, Status.ARCHITECTURE_TUNED,
                Status.ARCHITECTURE_TUNED);

        loop.modelResult(BASIC, 1, TrialState.COMPLETE);
        assertThat(loop.study().status).isEqualTo(Status.RUNNING);
        loop.modelResult(ATTENTION, 1, TrialState.FAILED);
        assertThat(loop.study().status).as("one model is enough").isEqualTo(Status.COMPLETED);
        assertThat(loop.studyEvents()).endsWith(Status.COMPLETED);
        assertThat(loop.architecture(BASIC).artifactUri).isEqualTo("models:/" + loop.architecture(BASIC).finalId);
    }

    @Test
    void cancelStopsRunningTrialsAndEveryAttemptOfAnAwaitedFinal() {
        LoopHarness loop = LoopHarness.started(plan(List.of(BASIC, ATTENTION), 2, 2));
        loop.completeTuning(BASIC);
        loop.later(QUEUED_TIMEOUT.plus(SECOND));
        assertThat(loop.architecture(BASIC).finalAttempt).isEqualTo(2);
        List<StudyTrial> running = loop.snapshot().running();
        assertThat(running).extracting(t -> t.architecture).containsOnly(ATTENTION);

        loop.cancel("cancelled on request");

        String finalId = loop.architecture(BASIC).finalId;
        assertThat(loop.sent(TrialControl.class)).extracting(c -> c.trialId() + "#" + c.attempt() + " " + c.action())
                .containsExactlyInAnyOrder(running.get(0).id + "#" + running.get(0).attempt + " CANCEL",
                        running.get(1).id + "#" + running.get(1).attempt + " CANCEL",
                        finalId + "#1 CANCEL", finalId + "#2 CANCEL");
        assertThat(running).allSatisfy(t -> {
            assertThat(t.state).isEqualTo(TrialState.FAILED);
            assertThat(t.failureReason).isEqualTo("study cancelled: cancelled on request");
        });
        assertThat(loop.architecture(BASIC).phase).isEqualTo(Phase.FAILED);
        assertThat(loop.architecture(BASIC).detail).isEqualTo("study cancelled: cancelled on request");
        assertThat(loop.study().status).isEqualTo(Status.CANCELLED);
        assertThat(loop.studyEvents()).endsWith(Status.CANCELLED);
        assertThatThrownBy(() -> loop.cancel("again")).isInstanceOf(IllegalStateException.class);
        assertThat(loop.later(Duration.ofDays(1))).as("a finished study never moves").isEmpty();
    }

    @Test
    void aFinalThatWentSilentIsRequestedAgainAndAnyAttemptsResultCounts() {
        LoopHarness loop = LoopHarness.started(plan(List.of(BASIC), 2, 2));
        loop.completeTuning(BASIC);
        loop.finalProgress(BASIC, 1);

        assertThat(loop.later(STALE_AFTER)).isEmpty();
        loop.later(SECOND);

        List<FinalTrainingRequest> requests = loop.sent(FinalTrainingRequest.class);
        assertThat(requests).extracting(FinalTrainingRequest::attempt).containsExactly(1, 2);
        assertThat(requests.get(1)).usingRecursiveComparison().ignoringFields("attempt", "issuedAt")
                .isEqualTo(requests.get(0));
        // The second attempt waits in the queue longer than stale-after: it is not stale.
        assertThat(loop.later(STALE_AFTER.multipliedBy(2))).isEmpty();
        // The first attempt was still training after all; its progress and result count.
        loop.finalProgress(BASIC, 1);
        assertThat(loop.later(STALE_AFTER)).isEmpty();
        loop.modelResult(BASIC, 1, TrialState.COMPLETE);

        assertThat(loop.architecture(BASIC).phase).isEqualTo(Phase.FINISHED);
        assertThat(loop.architecture(BASIC).finalState).isEqualTo(TrialState.COMPLETE);
        assertThat(loop.study().status).isEqualTo(Status.COMPLETED);
        assertThat(loop.modelResult(BASIC, 2, TrialState.COMPLETE)).as("a second answer is ignored").isEmpty();
        assertThat(loop.studyEvents()).containsExactly(Status.RUNNING, Status.ARCHITECTURE_TUNED, Status.COMPLETED);
    }

    @Test
    void aFinalThatNeverStartsFailsItsArchitectureAfterTheLastAttempt() {
        LoopHarness loop = LoopHarness.started(plan(List.of(BASIC), 2, 2));
        loop.completeTuning(BASIC);

        loop.later(QUEUED_TIMEOUT.plus(SECOND));
        loop.later(QUEUED_TIMEOUT.plus(SECOND));

        ArchitectureTuning architecture = loop.architecture(BASIC);
        assertThat(architecture.phase).isEqualTo(Phase.FAILED);
        assertThat(architecture.finalAttempt).isEqualTo(2);
        assertThat(architecture.finalState).isNull();
        assertThat(architecture.detail).isEqualTo("final training: queued for PT10M without starting in attempt 2 of 2");
        assertThat(loop.study().status).isEqualTo(Status.FAILED);
        assertThat(loop.study().detail).startsWith("no architecture produced a final model: " + BASIC
                + ": final training:");
        assertThat(loop.sent(FinalTrainingRequest.class)).extracting(FinalTrainingRequest::attempt)
                .containsExactly(1, 2);
    }

    @Test
    void anArchitecturesTimeoutStopsNewTrialsAndItIsTunedOnceItsRunningTrialsEnd() {
        LoopHarness loop = LoopHarness.started(plan(List.of(BASIC), 10, 2, "none", 1));
        loop.completes(loop.trial(BASIC, 0), 0.4);
        assertThat(loop.issued()).hasSize(3);

        loop.pass(Duration.ofMinutes(1));
        loop.completes(loop.trial(BASIC, 1), 0.3);
        assertThat(loop.issued()).as("no new trial after the timeout").hasSize(3);
        assertThat(loop.architecture(BASIC).phase).as("trial 2 still runs").isEqualTo(Phase.TUNING);

        loop.completes(loop.trial(BASIC, 2), 0.5);
        assertThat(loop.architecture(BASIC).phase).isEqualTo(Phase.FINAL_REQUESTED);
        assertThat(loop.architecture(BASIC).bestValue).isEqualTo(0.3);
    }

    @Test
    void aStudyWhosePlanCannotRunFailsToStartNamingWhy() {
        StudyPlan unknownSampler = new StudyPlan("x", List.of(BASIC), 2, 60, "grid", 1L, "none", 1, 0,
                plan(List.of(BASIC), 2, 1).training(), plan(List.of(BASIC), 2, 1).finalTraining(), "ds-1");
        LoopHarness loop = LoopHarness.created(unknownSampler, null);

        assertThatThrownBy(loop::advance).isInstanceOf(UnrunnablePlanException.class).hasMessage("unknown sampler grid");
        assertThat(loop.study().status).as("nothing changed").isEqualTo(Status.CREATED);
        assertThat(loop.snapshot().architectures()).isEmpty();

        StudyCore core = new StudyCore(new RunWatchdog.Limits(STALE_AFTER, QUEUED_TIMEOUT, 2));
        assertThat(core.failToStart(loop.snapshot(), "the study could not start (IllegalArgumentException)",
                loop.now())).hasSize(1);
        assertThat(loop.study().status).isEqualTo(Status.FAILED);
        assertThat(loop.study().detail).isEqualTo("the study could not start (IllegalArgumentException)");
    }

    @Test
    void everyDecisionDependsOnlyOnTheSnapshotSoALoadedStudyProposesWhatTheOneBeforeWould() {
        StudyPlan tpe = new StudyPlan("tpe", List.of(BASIC), 14, 60, "tpe", 7L, "none", 2, 0,
                plan(List.of(BASIC), 2, 1).training(), plan(List.of(BASIC), 2, 1).finalTraining(), "ds-1");
        LoopHarness first = LoopHarness.started(tpe);
        LoopHarness second = LoopHarness.started(tpe);
        for (int number = 0; number < 12; number++) {
            first.completes(first.trial(BASIC, number), number % 3 + 0.5);
            second.completes(second.trial(BASIC, number), number % 3 + 0.5);
        }

        assertThat(second.sent(TrialConfig.class)).usingRecursiveFieldByFieldElementComparatorIgnoringFields("issuedAt")
                .isEqualTo(first.sent(TrialConfig.class));
        assertThat(first.issued()).hasSize(14);
    }

    private static StudyPlan withDataset(StudyPlan plan, String datasetId) {
        return new StudyPlan(plan.name(), plan.architectures(), plan.trialsPerArchitecture(),
                plan.timeoutMinutesPerArchitecture(), plan.sampler(), plan.samplerSeed(), plan.pruner(),
                plan.parallelism(), plan.reproducibleWindow(), plan.training(), plan.finalTraining(), datasetId);
    }
}
