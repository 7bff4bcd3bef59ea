package io.vixlab.tuner.study;

import static org.assertj.core.api.Assertions.assertThat;

import io.vixlab.tuner.study.TrialScheduler.ArchitectureLoad;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrialSchedulerTest {

    private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
    /** No limit but the budget (the non-reproducible search order). */
    private static final int ANY = Integer.MAX_VALUE;
    private final TrialScheduler scheduler = new TrialScheduler(6, Duration.ofMinutes(60), 3);

    @Test
    void firstArchitectureInPlanOrderTakesEveryFreeSlot() {
        List<String> next = scheduler.nextTrials(List.of(
                new ArchitectureLoad("A", 0, 0, ANY, null), new ArchitectureLoad("B", 0, 0, ANY, null)), NOW);

        assertThat(next).containsExactly("A", "A", "A");
    }

    @Test
    void nextArchitectureStartsWhileTheFirstOnesLastTrialsRun() {
        List<String> next = scheduler.nextTrials(List.of(
                new ArchitectureLoad("A", 5, 1, ANY, NOW), new ArchitectureLoad("B", 0, 0, ANY, null)), NOW);

        assertThat(next).containsExactly("A", "B");
    }

    @Test
    void aSlotItsArchitectureCannotUseYetGoesToTheNextOne() {
        List<String> next = scheduler.nextTrials(List.of(
                new ArchitectureLoad("A", 2, 2, 1, NOW), new ArchitectureLoad("B", 0, 0, ANY, null)), NOW);

        assertThat(next).containsExactly("A");
        assertThat(scheduler.nextTrials(List.of(new ArchitectureLoad("A", 3, 2, 0, NOW),
                new ArchitectureLoad("B", 0, 0, ANY, null)), NOW)).containsExactly("B");
    }

    @Test
    void neverMoreThanParallelismInFlightNorMoreThanTheBudgetAsked() {
        assertThat(scheduler.nextTrials(List.of(
                new ArchitectureLoad("A", 6, 2, ANY, NOW), new ArchitectureLoad("B", 2, 1, ANY, NOW)), NOW)).isEmpty();
        assertThat(scheduler.nextTrials(List.of(new ArchitectureLoad("A", 6, 1, ANY, NOW)), NOW)).isEmpty();
    }

    @Test
    void timedOutArchitectureAsksNothingMoreAndIsTunedOnceItsTrialsFinish() {
        ArchitectureLoad running = new ArchitectureLoad("A", 2, 1, ANY, NOW.minus(Duration.ofMinutes(60)));
        ArchitectureLoad idle = new ArchitectureLoad("A", 2, 0, ANY, NOW.minus(Duration.ofMinutes(60)));

        assertThat(scheduler.nextTrials(List.of(running, new ArchitectureLoad("B", 0, 0, ANY, null)), NOW))
                .containsExactly("B", "B");
        assertThat(scheduler.tuned(running, NOW)).isFalse();
        assertThat(scheduler.tuned(idle, NOW)).isTrue();
    }

    @Test
    void tunedOnlyWhenEveryTrialWasAskedAndNoneRuns() {
        assertThat(scheduler.tuned(new ArchitectureLoad("A", 6, 0, ANY, NOW), NOW)).isTrue();
        assertThat(scheduler.tuned(new ArchitectureLoad("A", 6, 1, ANY, NOW), NOW)).isFalse();
        assertThat(scheduler.tuned(new ArchitectureLoad("A", 5, 0, ANY, NOW), NOW)).isFalse();
        assertThat(scheduler.tuned(new ArchitectureLoad("A", 0, 0, ANY, null), NOW)).isFalse();
    }
}
