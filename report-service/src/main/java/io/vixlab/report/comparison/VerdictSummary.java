package io.vixlab.report.comparison;

import io.vixlab.contracts.report.ConfidenceSet;
import io.vixlab.contracts.report.ConfidenceSetMember;
import io.vixlab.contracts.report.DieboldMarianoResult;
import io.vixlab.contracts.report.DieboldMarianoResult.LossFunction;
import io.vixlab.contracts.report.DieboldMarianoResult.Verdict;
import io.vixlab.contracts.report.HealthFlag;
import io.vixlab.report.stats.DieboldMariano;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * A study's verdict in sentences, from its Diebold-Mariano tests, model confidence sets and health
 * flags. A model "beats" a benchmark only where a test rejects equal accuracy at 5% with the model
 * ahead; otherwise the sentence says that nothing does. The many tests are called what they are,
 * and the model confidence set is given as the joint answer.
 */
final class VerdictSummary {

    private final List<String> models;
    private final String randomWalk;
    private final String bestBaseline;
    private final List<DieboldMarianoResult> tests;
    private final List<ConfidenceSet> confidenceSets;
    private final Map<String, List<HealthFlag>> health;

    /**
     * @param models         the final models with test predictions, by rank, and the combination
     * @param bestBaseline   the baseline with the lowest test MSE, possibly the random walk
     * @param health         the flags of each model checked
     */
    VerdictSummary(List<String> models, String randomWalk, String bestBaseline, List<DieboldMarianoResult> tests,
            List<ConfidenceSet> confidenceSets, Map<String, List<HealthFlag>> health) {
        this.models = List.copyOf(models);
        this.randomWalk = randomWalk;
        this.bestBaseline = bestBaseline;
        this.tests = List.copyOf(tests);
        this.confidenceSets = List.copyOf(confidenceSets);
        this.health = health;
    }

    List<String> sentences() {
        List<String> sentences = new ArrayList<>();
        sentences.add(headline());
        sentences.add(against(randomWalk, "the random walk,"));
        if (!bestBaseline.equals(randomWalk)) {
            sentences.add(against(bestBaseline, "the best baseline, " + bestBaseline + ","));
        }
        sentences.add(multipleComparisons());
        confidenceSets.forEach(set -> sentences.add(confidenceSet(set)));
        sentences.add(healthSentence());
        return sentences;
    }

    private String headline() {
        String method = " (Diebold-Mariano with the HLN correction, 5% level, squared or absolute loss).";
        String randomWalkPart = beaten(randomWalk, "No model beats the random walk", "the random walk");
        if (bestBaseline.equals(randomWalk)) {
            return randomWalkPart + ", which is also the best baseline by test MSE" + method;
        }
        return randomWalkPart + "; " + beaten(bestBaseline, "no model beats the best baseline, " + bestBaseline,
                "the best baseline, " + bestBaseline) + method;
    }

    /** Which models beat the benchmark and on which losses, or {@code none} when no test says so. */
    private String beaten(String benchmark, String none, String label) {
        Map<String, List<String>> lossesByWinner = new LinkedHashMap<>();
        for (String model : models) {
            for (DieboldMarianoResult test : tests(model, benchmark)) {
                if (test.verdict() == Verdict.A_BETTER) {
                    lossesByWinner.computeIfAbsent(model, m -> new ArrayList<>()).add(lossName(test.loss()));
                }
            }
        }
        if (lossesByWinner.isEmpty()) {
            return none;
        }
        List<String> winners = lossesByWinner.entrySet().stream()
                .map(e -> e.getKey() + " (" + join(e.getValue()) + " loss)")
                .toList();
        return join(winners) + (winners.size() == 1 ? " beats " : " beat ") + label;
    }

    private String against(String benchmark, String label) {
        List<String> parts = new ArrayList<>();
        for (LossFunction loss : LossFunction.values()) {
            List<String> findings = new ArrayList<>();
            for (String model : models) {
                for (DieboldMarianoResult test : tests(model, benchmark)) {
                    if (test.loss() == loss && test.verdict() != Verdict.NO_SIGNIFICANT_DIFFERENCE) {
                        findings.add(model + (test.verdict() == Verdict.A_BETTER ? " more" : " less")
                                + " accurate (" + pValue(test.pValue()) + ")");
                    }
                }
            }
            parts.add("on " + lossName(loss) + " loss "
                    + (findings.isEmpty() ? "no model differs significantly" : String.join(", ", findings)));
        }
        return "Against " + label + " " + String.join("; ", parts) + ".";
    }

    private List<DieboldMarianoResult> tests(String model, String benchmark) {
        return tests.stream().filter(t -> t.modelA().equals(model) && t.modelB().equals(benchmark)).toList();
    }

    private String multipleComparisons() {
        int k = tests.size();
        double level = DieboldMariano.SIGNIFICANCE_LEVEL;
        return String.format(Locale.ROOT, "The report holds %d Diebold-Mariano tests at the 5%% level: even if all"
                + " forecasts were equally accurate, about %.2f × %d = %.1f of them would reject by chance, so one"
                + " p-value below %.2f is weak evidence; the model confidence set is the joint answer.",
                k, level, k, level * k, level);
    }

    private static String confidenceSet(ConfidenceSet set) {
        List<String> in90 = names(set, ConfidenceSetMember::inSet90);
        List<String> in75 = names(set, ConfidenceSetMember::inSet75);
        List<String> baselines75 = names(set, m -> m.kind() == ConfidenceSetMember.Kind.BASELINE && m.inSet75());
        List<String> baselines90 = names(set, m -> m.kind() == ConfidenceSetMember.Kind.BASELINE && m.inSet90());
        String reading;
        if (!baselines75.isEmpty()) {
            reading = join(baselines75) + (baselines75.size() == 1 ? " is" : " are")
                    + " in the 75% set: on these test days no forecast is shown to be better than "
                    + (baselines75.size() == 1 ? "it" : "them");
        } else if (!baselines90.isEmpty()) {
            reading = join(baselines90) + (baselines90.size() == 1 ? " is" : " are")
                    + " in the 90% but not the 75% set: likely, not surely, worse than the best forecast";
        } else {
            reading = "no baseline is in the 90% set: each is worse than the best forecast with strong evidence";
        }
        return String.format(Locale.ROOT, "Model confidence set on %s loss (%s, %d moving-block bootstrap resamples"
                        + " of %d-day blocks, seed %d, %d test days): the 90%% set holds %s, the 75%% set %s; %s.",
                lossName(set.loss()), set.statistic().label(),
                set.replications(), set.blockLength(), set.seed(), set.days(), join(in90), join(in75), reading);
    }

    private String healthSentence() {
        List<String> flagged = health.entrySet().stream()
                .filter(e -> !e.getValue().isEmpty())
                .map(e -> e.getKey() + " (" + e.getValue().stream()
                        .map(flag -> flag.kind().name().toLowerCase(Locale.ROOT).replace('_', ' '))
                        .collect(Collectors.joining(", ")) + ")")
                .toList();
        if (flagged.isEmpty()) {
            return "No model's test forecast shows a sign of degeneration (a flat stretch, a floor or ceiling, a"
                    + " narrow spread).";
        }
        return "Health warning: " + String.join("; ", flagged) + ". Error metrics can hide a degenerate forecast;"
                + " see the flags' figures.";
    }

    private static List<String> names(ConfidenceSet set, Predicate<ConfidenceSetMember> filter) {
        return set.members().stream().filter(filter).map(ConfidenceSetMember::name).toList();
    }

    private static String lossName(LossFunction loss) {
        return loss == LossFunction.SQUARED ? "squared" : "absolute";
    }

    private static String pValue(double p) {
        return p < 0.001 ? "p < 0.001" : String.format(Locale.ROOT, "p = %.3f", p);
    }

    /** "A", "A and B", "A, B and C". */
    private static String join(List<String> items) {
        if (items.size() <= 1) {
            return String.join("", items);
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.get(items.size() - 1);
    }
}
