package io.vixlab.launcher.progress;

import com.fasterxml.jackson.databind.JsonNode;
import io.vixlab.launcher.study.StudyBudget;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One live progress line of a running study, e.g.
 * {@code [03:10] 9/20 trials, 1/5 finals, ~04:40 left | Basic_CNN_LSTM 4/4 best 0.01234 final COMPLETE | ...}.
 *
 * <p>Trials done, trials running, finals and elapsed time come from report-service's
 * {@code GET /api/studies} entry; the best value per architecture from tuner-service's
 * {@code GET /api/studies/{id}} ({@code architectures[].bestValue}, optional). The time left is the
 * elapsed time scaled by the work still to do, a final training counting as
 * {@link #finalWeight(StudyBudget)} trials.
 */
public final class ProgressLine {

    private ProgressLine() {
    }

    /**
     * @param progress report-service's entry for the study
     * @param tuner    tuner-service's view of the study, or null when it did not answer
     */
    public static String render(JsonNode progress, JsonNode tuner, StudyBudget budget) {
        Map<String, Double> best = bestValues(tuner);
        long elapsed = progress.path("elapsedMillis").asLong();
        int trialsDone = 0;
        int trialsTotal = 0;
        int finalsDone = 0;
        int architectures = 0;
        List<String> parts = new ArrayList<>();
        for (JsonNode a : progress.path("progress")) {
            architectures++;
            String name = a.path("architecture").asText();
            int done = a.path("trialsDone").asInt();
            int total = a.path("trialsTotal").asInt();
            int running = a.path("trialsRunning").asInt();
            String finalState = a.hasNonNull("finalState") ? a.get("finalState").asText() : null;
            trialsDone += Math.min(done, total);
            trialsTotal += total;
            if (finalState != null) {
                finalsDone++;
            }
            StringBuilder part = new StringBuilder(name).append(' ').append(done).append('/').append(total);
            if (running > 0) {
                part.append(" (").append(running).append(" running)");
            }
            Double b = best.get(name);
            if (b != null) {
                part.append(" best ").append(String.format(Locale.ROOT, "%.5f", b));
            }
            if (finalState != null) {
                part.append(" final ").append(finalState);
            }
            parts.add(part.toString());
        }
        String left = remaining(elapsed, trialsDone, trialsTotal, finalsDone, architectures, finalWeight(budget));
        return "[" + clock(elapsed) + "] " + progress.path("status").asText() + ", " + trialsDone + "/" + trialsTotal
                + " trials, " + finalsDone + "/" + architectures + " finals, " + left + " | " + String.join(" | ", parts);
    }

    /**
     * How many trials one final training is worth: it trains on the whole training part (less its
     * 10 % validation tail) for {@code finalEpochs}, where a trial's folds of a time-series split
     * train on {@code folds / 2} training parts per epoch in all.
     */
    public static double finalWeight(StudyBudget budget) {
        return 1.8 * budget.finalEpochs() / ((double) budget.epochs() * budget.folds());
    }

    static String remaining(long elapsedMillis, int trialsDone, int trialsTotal, int finalsDone, int finals,
            double finalWeight) {
        double done = trialsDone + finalsDone * finalWeight;
        double total = trialsTotal + finals * finalWeight;
        if (done >= total && total > 0) {
            return "finishing";
        }
        if (done <= 0) {
            return "estimating time left";
        }
        long left = Math.round(elapsedMillis * (total - done) / done);
        return "~" + clock(left) + " left";
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

    private static Map<String, Double> bestValues(JsonNode tuner) {
        Map<String, Double> best = new HashMap<>();
        if (tuner == null) {
            return best;
        }
        for (JsonNode a : tuner.path("architectures")) {
            if (a.hasNonNull("bestValue") && a.get("bestValue").isNumber()) {
                best.put(a.path("architecture").asText(), a.get("bestValue").asDouble());
            }
        }
        return best;
    }
}
