package io.vixlab.launcher.progress;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.function.LongSupplier;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.jline.utils.AttributedString;
import org.jline.utils.Display;

/**
 * The live progress display on a terminal: the {@link ProgressBoard} redrawn in place by JLine's
 * {@link Display}, which rewrites only the cells that changed, once a second. Lines are cut to the
 * terminal's width, so that none wraps and the redraw stays in place.
 */
public final class TerminalProgress implements ProgressDisplay {

    static final Duration POLL_EVERY = Duration.ofSeconds(1);

    private final Terminal terminal;
    private final Display display;
    private final LongSupplier millis;
    private final double finalWeight;
    private StudySnapshot estimatedFrom;
    private long estimatedAt;

    /** A display on {@code terminal}; {@code millis} is its clock (a fake one in tests). */
    TerminalProgress(Terminal terminal, LongSupplier millis, double finalWeight) {
        this.terminal = terminal;
        this.display = new Display(terminal, false);
        this.millis = millis;
        this.finalWeight = finalWeight;
    }

    /** A display on this process's terminal. */
    public static TerminalProgress onSystemTerminal(double finalWeight) {
        try {
            return new TerminalProgress(TerminalBuilder.builder().system(true).build(), System::currentTimeMillis,
                    finalWeight);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the terminal for the progress display", e);
        }
    }

    @Override
    public void show(StudySnapshot study) {
        Size size = terminal.getSize();
        int columns = size.getColumns() > 0 ? size.getColumns() : 120;
        long now = millis.getAsLong();
        if (estimatedFrom == null || study.trialsDone() != estimatedFrom.trialsDone()
                || study.finalsDone() != estimatedFrom.finalsDone()) {
            estimatedFrom = study;
            estimatedAt = now;
        }
        List<String> lines = ProgressBoard.render(study, estimatedFrom, now - estimatedAt, finalWeight, columns - 1);
        display.resize(Math.max(size.getRows(), lines.size() + 1), columns);
        display.update(lines.stream().map(AttributedString::new).toList(), -1);
        terminal.flush();
    }

    @Override
    public void close() {
        // The board stays on screen; what is printed next starts on the line below it.
        terminal.writer().println();
        terminal.flush();
        try {
            terminal.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close the terminal", e);
        }
    }

    @Override
    public Duration pollEvery() {
        return POLL_EVERY;
    }
}
