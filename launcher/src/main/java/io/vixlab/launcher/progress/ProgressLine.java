package io.vixlab.launcher.progress;

import io.vixlab.launcher.progress.StudySnapshot.ArchitectureProgress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;

/**
 * One progress line of a running study, for output that is not a terminal (CI, pipes), e.g.
 * {@code [03:10] 9/20 trials, 1/5 finals, ~04:40 left | Basic_CNN_LSTM 4/4 best 0.01234 final COMPLETE | ...}.
 */
public final class ProgressLine {

    private ProgressLine() {
    }

    public static String render(StudySnapshot study, double finalWeight) {
        List<String> parts = new ArrayList<>();
        for (ArchitectureProgress a : study.architectures()) {
            StringBuilder part = new StringBuilder(a.name()).append(' ').append(a.trialsDone()).append('/')
                    .append(a.trialsTotal());
            if (a.trialsRunning() > 0) {
                part.append(" (").append(a.trialsRunning()).append(" running)");
            }
            if (a.best() != null) {
                part.append(" best ").append(String.format(Locale.ROOT, "%.5f", a.best()));
            }
            if (a.finalState() != null) {
                part.append(" final ").append(a.finalState());
            }
            parts.add(part.toString());
        }
        return "[" + clock(study.elapsedMillis()) + "] " + study.status() + ", " + study.trialsDone() + "/"
                + study.trialsTotal() + " trials, " + study.finalsDone() + "/" + study.architectures().size()
                + " finals, " + timeLeft(study.millisLeft(finalWeight)) + " | " + String.join(" | ", parts);
    }

    /** {@code ~mm:ss left}, {@code finishing} when nothing is left, or that the time left is not known yet. */
    public static String timeLeft(OptionalLong millisLeft) {
        if (millisLeft.isEmpty()) {
            return "estimating time left";
        }
        return millisLeft.getAsLong() == 0 ? "finishing" : "~" + clock(millisLeft.getAsLong()) + " left";
    }

    /** {@code mm:ss}, or {@code h:mm:ss} from one hour on. */
    public static String clock(long millis) {
        long s = Math.max(0, millis) / 1000;
        long h = s / 3600;
        long m = (s % 3600) / 60;
        long sec = s % 60;
        return h > 0 ? String.format(Locale.ROOT, "%d:%02d:%02d", h, m, sec)
                : String.format(Locale.ROOT, "%02d:%02d", m, sec);
    }
}
