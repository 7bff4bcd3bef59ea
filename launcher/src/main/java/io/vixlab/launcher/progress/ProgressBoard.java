package io.vixlab.launcher.progress;

import io.vixlab.launcher.progress.StudySnapshot.ArchitectureProgress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;

/**
 * The live progress display's text: a header with the elapsed time, the time left and the totals,
 * then a bar per architecture, e.g.
 * <pre>
 * study RUNNING  03:25 elapsed  ~03:46 left  6/12 trials  1/3 finals
 * Basic_CNN_LSTM          [████████████████████] 4/4 trials  best 0.01235  final COMPLETE
 * Deep_CNN_LSTM           [██████░░░░░░░░░░░░░░] 2/4 trials  1 running  best 0.04000
 * </pre>
 * The time left is estimated when the work done last changed and counts down from there, so that it
 * does not grow while a long trial runs (an estimate from the elapsed time alone would: the same work
 * done in more time).
 */
public final class ProgressBoard {

    static final int BAR_WIDTH = 20;

    private ProgressBoard() {
    }

    /**
     * @param study         the study as the services answered just now
     * @param estimatedFrom the answer in which the work done last changed: the time left is estimated from it
     * @param sinceEstimate milliseconds from that answer to now
     * @param finalWeight   how many trials a final training is worth ({@link StudySnapshot#finalWeight})
     * @param width         the terminal's columns: longer lines are cut
     */
    public static List<String> render(StudySnapshot study, StudySnapshot estimatedFrom, long sinceEstimate,
            double finalWeight, int width) {
        OptionalLong left = estimatedFrom.millisLeft(finalWeight);
        OptionalLong leftNow = left.isEmpty() ? left : OptionalLong.of(Math.max(0, left.getAsLong() - sinceEstimate));
        List<String> lines = new ArrayList<>();
        lines.add("study " + study.status() + "  " + ProgressLine.clock(study.elapsedMillis()) + " elapsed  "
                + ProgressLine.timeLeft(leftNow) + "  " + study.trialsDone() + "/" + study.trialsTotal() + " trials  "
                + study.finalsDone() + "/" + study.architectures().size() + " finals");
        int nameWidth = study.architectures().stream().mapToInt(a -> a.name().length()).max().orElse(0);
        for (ArchitectureProgress a : study.architectures()) {
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-" + nameWidth + "s ", a.name()))
                    .append(bar(a.fractionDone(finalWeight)))
                    .append(' ').append(a.trialsDone()).append('/').append(a.trialsTotal()).append(" trials");
            if (a.trialsRunning() > 0) {
                line.append("  ").append(a.trialsRunning()).append(" running");
            }
            if (a.best() != null) {
                line.append("  best ").append(String.format(Locale.ROOT, "%.5f", a.best()));
            }
            if (a.finalState() != null) {
                line.append("  final ").append(a.finalState());
            }
            lines.add(line.toString());
        }
        return lines.stream().map(l -> l.length() <= width ? l : l.substring(0, Math.max(0, width))).toList();
    }

    /** {@code [████░░░░]}: the share done, rounded down to whole cells, full only when done. */
    static String bar(double fractionDone) {
        int filled = (int) Math.floor(fractionDone * BAR_WIDTH + 1e-9);
        return "[" + "█".repeat(filled) + "░".repeat(BAR_WIDTH - filled) + "]";
    }
}
