package io.vixlab.launcher.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrainerUtilisationTest {

    private static final Instant T0 = Instant.parse("2026-11-30T10:00:00Z");

    private static TrainerUtilisation.Run run(double issued, double started, double finished) {
        return new TrainerUtilisation.Run(at(issued), at(started), at(finished));
    }

    private static Instant at(double seconds) {
        return T0.plusMillis(Math.round(seconds * 1000));
    }

    @Test
    void idleTrainerTimeCountsOnlyWhileARunWaits() {
        // Two trainers, three runs issued at 0. A runs 0-10 on one; B waits until 1 on the other, which
        // idled that second, then runs 1-6; C waits until 6, then runs 6-9. Runs waited during 0-6:
        // 12 trainer-seconds, of which 1 (A alone, 0-1) + 2 x 5 (A and B, 1-6) = 11 busy.
        TrainerUtilisation use = TrainerUtilisation.of(List.of(run(0, 0, 10), run(0, 1, 6), run(0, 6, 9)), 2);

        assertThat(use.runs()).isEqualTo(3);
        assertThat(use.busyWhileWaiting()).isCloseTo(11.0 / 12.0, within(1e-9));
        assertThat(use.waitingSpan()).isEqualTo(Duration.ofSeconds(6));
        assertThat(use.trainingTime()).isEqualTo(Duration.ofSeconds(10 + 5 + 3));
        assertThat(use.span()).isEqualTo(Duration.ofSeconds(10));
        // ideal: 18 s of training over 2 trainers = 9 s
        assertThat(use.spanOverIdeal()).isCloseTo(10.0 / 9.0, within(1e-9));
    }

    @Test
    void aRunTakenAtOnceLeavesNoWaitingAndIdleTimeWithoutWaitingRunsIsNotCounted() {
        // One run at a time, each taken as it is issued, with gaps between them: nothing waited.
        TrainerUtilisation use = TrainerUtilisation.of(List.of(run(0, 0, 2), run(5, 5, 7)), 3);

        assertThat(use.busyWhileWaiting()).isEqualTo(1.0);
        assertThat(use.waitingSpan()).isZero();
        assertThat(use.span()).isEqualTo(Duration.ofSeconds(7));
    }

    @Test
    void aStartBeforeItsIssueOnAnotherClockCountsAsStartedAtIssue() {
        TrainerUtilisation.Run early = run(3, 2.5, 4);

        assertThat(early.started()).isEqualTo(at(3));
        assertThat(TrainerUtilisation.of(List.of(early), 1).trainingTime()).isEqualTo(Duration.ofSeconds(1));
    }
}
