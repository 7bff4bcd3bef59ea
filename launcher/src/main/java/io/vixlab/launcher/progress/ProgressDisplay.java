package io.vixlab.launcher.progress;

import java.time.Duration;
import java.util.function.Consumer;

/**
 * Where a running study's progress goes: a live display that redraws itself on a terminal
 * ({@link TerminalProgress}), or plain lines everywhere else ({@link PlainProgress}).
 */
public interface ProgressDisplay extends AutoCloseable {

    /** Shows the study as the services answered just now. */
    void show(StudySnapshot study);

    /** Leaves the last state on screen; later output goes below it. */
    @Override
    void close();

    /** How often to ask the services: a live display redraws at each answer. */
    Duration pollEvery();

    /**
     * The live display when standard output is a terminal that can redraw (the JVM has a console
     * and {@code TERM} is not {@code dumb}), plain lines through {@code say} otherwise: CI, pipes,
     * a redirect to a file.
     */
    static ProgressDisplay forStandardOutput(Consumer<String> say, double finalWeight) {
        return isLiveTerminal(System.console() != null, System.getenv("TERM"))
                ? TerminalProgress.onSystemTerminal(finalWeight)
                : new PlainProgress(say, System::currentTimeMillis, finalWeight);
    }

    /** Whether output can be redrawn in place: an interactive console on a terminal type that moves the cursor. */
    static boolean isLiveTerminal(boolean console, String term) {
        return console && term != null && !term.isBlank() && !"dumb".equals(term);
    }
}
