package io.vixlab.launcher.progress;

import static org.assertj.core.api.Assertions.assertThat;

import io.vixlab.launcher.progress.StudySnapshot.ArchitectureProgress;
import io.vixlab.launcher.study.StudyBudget;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.terminal.impl.ExternalTerminal;
import org.junit.jupiter.api.Test;

/**
 * The live display's bars and time left on a fake clock, drawn on a terminal emulated by JLine; and
 * output that is not a terminal staying plain lines.
 */
class LiveProgressTest {

    private static final double QUICK = StudySnapshot.finalWeight(StudyBudget.QUICK);

    /** The fixture study (6 of 12 trials, 1 of 3 finals, 190 s in: 241.8 s left) at a later age. */
    private static StudySnapshot fixtureAt(long elapsedMillis) throws IOException {
        StudySnapshot study = StudySnapshot.of(RenderingTest.fixture("report-progress.json"),
                RenderingTest.fixture("tuner-study.json"));
        return new StudySnapshot(study.status(), elapsedMillis, study.architectures());
    }

    @Test
    void boardShowsABarPerArchitectureAndTheTimeLeft() throws IOException {
        StudySnapshot study = fixtureAt(190_000);

        assertThat(ProgressBoard.render(study, study, 0, QUICK, 200)).containsExactly(
                "study RUNNING  03:10 elapsed  ~04:01 left  6/12 trials  1/3 finals",
                // 4 trials + the final (2.25 trials) of 6.25: full; 2 of 6.25: 32%, 6 of 20 cells
                "Basic_CNN_LSTM     [████████████████████] 4/4 trials  best 0.01235  final COMPLETE",
                "Deep_CNN_LSTM      [██████░░░░░░░░░░░░░░] 2/4 trials  1 running  best 0.04000",
                "Attention_CNN_LSTM [░░░░░░░░░░░░░░░░░░░░] 0/4 trials  1 running");
    }

    @Test
    void timeLeftCountsDownFromTheLastChangeInsteadOfGrowingWhileATrialRuns() throws IOException {
        StudySnapshot estimated = fixtureAt(190_000);

        List<String> thirtySecondsOn = ProgressBoard.render(fixtureAt(220_000), estimated, 30_000, QUICK, 200);
        List<String> pastTheEstimate = ProgressBoard.render(fixtureAt(500_000), estimated, 310_000, QUICK, 200);

        assertThat(thirtySecondsOn.get(0)).startsWith("study RUNNING  03:40 elapsed  ~03:31 left");
        assertThat(pastTheEstimate.get(0)).startsWith("study RUNNING  08:20 elapsed  finishing");
        assertThat(ProgressBoard.render(fixtureAt(1_000), new StudySnapshot("RUNNING", 1_000, List.of(
                new ArchitectureProgress("A", 0, 4, 1, null, null))), 0, QUICK, 200).get(0))
                .contains("estimating time left");
    }

    @Test
    void barsFillByWholeCellsAndLinesAreCutToTheTerminalWidth() throws IOException {
        assertThat(ProgressBoard.bar(0.999)).isEqualTo("[" + "█".repeat(19) + "░" + "]");
        assertThat(ProgressBoard.bar(1)).isEqualTo("[" + "█".repeat(20) + "]");
        assertThat(ProgressBoard.render(fixtureAt(190_000), fixtureAt(190_000), 0, QUICK, 30))
                .allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(30));
    }

    @Test
    void terminalDisplayRedrawsInPlaceWithTheClockRunning() throws IOException {
        ByteArrayOutputStream screen = new ByteArrayOutputStream();
        AtomicLong clock = new AtomicLong(1_000_000);
        // An emulated xterm whose output JLine writes synchronously into the buffer.
        Terminal terminal = new ExternalTerminal("test", "xterm-256color", new ByteArrayInputStream(new byte[0]), screen,
                StandardCharsets.UTF_8);
        terminal.setSize(new Size(100, 30));
        TerminalProgress display = new TerminalProgress(terminal, clock::get, QUICK);

        display.show(fixtureAt(190_000));
        String first = screen.toString(StandardCharsets.UTF_8);
        screen.reset();
        clock.addAndGet(30_000);
        display.show(fixtureAt(220_000));
        String second = screen.toString(StandardCharsets.UTF_8);
        display.close();

        assertThat(first).startsWith("study RUNNING  03:10 elapsed  ~04:01 left")
                .contains("Basic_CNN_LSTM     [████████████████████] 4/4 trials");
        // Redrawn in place: the cursor goes back up three lines to the header and rewrites only the cells
        // that changed (03:10 -> 03:40 elapsed, ~04:01 -> ~03:31 left); the bars stay as they are.
        assertThat(second).startsWith("\u001b[3A").contains("40 elapsed  ~03:3").doesNotContain("Basic_CNN_LSTM");
    }

    @Test
    void plainOutputIsLinesWithoutEscapesOnlyWhenSomethingChangedOrAMinutePassed() throws IOException {
        List<String> lines = new ArrayList<>();
        AtomicLong clock = new AtomicLong(0);
        PlainProgress plain = new PlainProgress(lines::add, clock::get, QUICK);

        plain.show(fixtureAt(190_000));
        clock.addAndGet(5_000);
        plain.show(fixtureAt(195_000));
        clock.addAndGet(55_000);
        plain.show(fixtureAt(250_000));
        plain.close();

        assertThat(lines).containsExactly(
                "[03:10] RUNNING, 6/12 trials, 1/3 finals, ~04:01 left | Basic_CNN_LSTM 4/4 best 0.01235 final COMPLETE"
                        + " | Deep_CNN_LSTM 2/4 (1 running) best 0.04000 | Attention_CNN_LSTM 0/4 (1 running)",
                "[04:10] RUNNING, 6/12 trials, 1/3 finals, ~05:18 left | Basic_CNN_LSTM 4/4 best 0.01235 final COMPLETE"
                        + " | Deep_CNN_LSTM 2/4 (1 running) best 0.04000 | Attention_CNN_LSTM 0/4 (1 running)");
        assertThat(String.join("\n", lines)).doesNotContain("\u001b").doesNotContain("\r");
    }

    @Test
    void onlyAnInteractiveConsoleOnATerminalThatMovesTheCursorGetsTheLiveDisplay() {
        assertThat(ProgressDisplay.isLiveTerminal(true, "xterm-256color")).isTrue();
        assertThat(ProgressDisplay.isLiveTerminal(false, "xterm-256color")).as("a pipe or a file").isFalse();
        assertThat(ProgressDisplay.isLiveTerminal(true, "dumb")).isFalse();
        assertThat(ProgressDisplay.isLiveTerminal(true, null)).as("no TERM, as in many CI runners").isFalse();
    }
}
