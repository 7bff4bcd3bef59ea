package io.vixlab.launcher.progress;

import com.fasterxml.jackson.databind.JsonNode;
import io.vixlab.launcher.study.StudyBudget;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * A running study as the progress displays show it: report-service's {@code GET /api/studies} entry
 * (trials done, running, finals, elapsed time) with the best value per architecture from
 * tuner-service's {@code GET /api/studies/{id}} ({@code architectures[].bestValue}, optional).
 *
 * @param elapsedMillis the study's age when report-service answered
 */
public record StudySnapshot(String status, long elapsedMillis, List<ArchitectureProgress> architectures) {

    /**
     * @param best       lowest validation loss of a complete trial, scaled; null while unknown
     * @param finalState the final model's state; null while no final result has arrived
     */
    public record ArchitectureProgress(String name, int trialsDone, int trialsTotal, int trialsRunning, Double best,
            String finalState) {

        /** Share of the architecture's work done, its final counting as {@code finalWeight} trials. */
        public double fractionDone(double finalWeight) {
            double total = trialsTotal + finalWeight;
            return total <= 0 ? 0 : Math.min(1, (Math.min(trialsDone, trialsTotal)
                    + (finalState == null ? 0 : finalWeight)) / total);
        }
    }

    /**
     * @param progress report-service's entry for the study
     * @param tuner    tuner-service's view of the study, or null when it did not answer
     */
    public static StudySnapshot of(JsonNode progress, JsonNode tuner) {
        Map<String, Double> best = bestValues(tuner);
        List<ArchitectureProgress> architectures = new ArrayList<>();
        for (JsonNode a : progress.path("progress")) {
            String name = a.path("architecture").asText();
            architectures.add(new ArchitectureProgress(name, a.path("trialsDone").asInt(),
                    a.path("trialsTotal").asInt(), a.path("trialsRunning").asInt(), best.get(name),
                    a.hasNonNull("finalState") ? a.get("finalState").asText() : null));
        }
        return new StudySnapshot(progress.path("status").asText(), progress.path("elapsedMillis").asLong(),
                List.copyOf(architectures));
    }

    public int trialsDone() {
        return architectures.stream().mapToInt(a -> Math.min(a.trialsDone(), a.trialsTotal())).sum();
    }

    public int trialsTotal() {
        return architectures.stream().mapToInt(ArchitectureProgress::trialsTotal).sum();
    }

    public int finalsDone() {
        return (int) architectures.stream().filter(a -> a.finalState() != null).count();
    }

    /**
     * The time left when report-service answered: the elapsed time scaled by the work still to do, a
     * final training counting as {@link #finalWeight(StudyBudget)} trials; empty before anything is
     * done (nothing to scale by), zero once everything is.
     */
    public OptionalLong millisLeft(double finalWeight) {
        double done = trialsDone() + finalsDone() * finalWeight;
        double total = trialsTotal() + architectures.size() * finalWeight;
        if (done >= total && total > 0) {
            return OptionalLong.of(0);
        }
        if (done <= 0) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(Math.round(elapsedMillis * (total - done) / done));
    }

    /**
     * How many trials one final training is worth: it trains on the whole training part (less its
     * 10 % validation tail) for {@code finalEpochs}, where a trial's folds of a time-series split
     * train on {@code folds / 2} training parts per epoch in all.
     */
    public static double finalWeight(StudyBudget budget) {
        return 1.8 * budget.finalEpochs() / ((double) budget.epochs() * budget.folds());
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
