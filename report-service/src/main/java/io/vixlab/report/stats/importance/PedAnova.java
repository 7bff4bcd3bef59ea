package io.vixlab.report.stats.importance;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Hyperparameter importance by PED-ANOVA (Watanabe et al. 2023, "PED-ANOVA: Efficiently Quantifying
 * Hyperparameter Importance in Arbitrary Subspaces"), as Optuna 5's {@code get_param_importances}
 * computes it with its default evaluator, {@code PedAnovaImportanceEvaluator} (the one Optuna
 * Dashboard shows): the top 10% of the complete trials by value (lower is better, ties kept); for each
 * parameter, the Pearson divergence between the density of its values among the top trials and among
 * all trials, both from {@link ScottParzenEstimator} on a grid of at most 50 steps (log-scaled for a
 * log parameter, one step per integer for a narrow integer range); the divergences normalised to sum
 * to 1, or shared equally when all are 0. A parameter that took one value only gets 0. The search
 * space is not known here, so each parameter's domain is the one its values show ({@link ParameterDomain}).
 */
public final class PedAnova {

    /** Share of the trials that count as the top ones (Optuna's target quantile, gamma'). */
    static final double TARGET_QUANTILE = 0.1;
    static final int GRID_STEPS = 50;
    static final double PRIOR_WEIGHT = 1.0;
    /** Keeps the ratio of densities finite where a density vanishes, as Optuna does. */
    private static final double EPSILON = 1e-12;

    /** A complete trial: its parameters by name and its objective value. */
    public record Trial(Map<String, Object> params, double value) {
    }

    private PedAnova() {
    }

    /**
     * Each parameter's importance, most important first, summing to 1; empty without trials. Trials
     * are compared on the parameters every one of them has.
     */
    public static Map<String, Double> importances(List<Trial> trials) {
        if (trials.isEmpty()) {
            return Map.of();
        }
        Set<String> names = new TreeSet<>(trials.get(0).params().keySet());
        trials.forEach(t -> names.retainAll(t.params().keySet()));
        Map<String, Double> importances = new LinkedHashMap<>();
        if (trials.size() > 1) {
            List<Trial> top = top(trials);
            for (String name : names) {
                ParameterDomain domain = ParameterDomain.of(name, trials.stream().map(t -> t.params().get(name)).toList());
                importances.put(name, domain.single() ? 0 : pearsonDivergence(name, domain, top, trials));
            }
        } else {
            names.forEach(name -> importances.put(name, 0.0));
        }
        double sum = importances.values().stream().mapToDouble(Double::doubleValue).sum();
        importances.replaceAll((name, divergence) -> sum > 0 ? divergence / sum : 1.0 / names.size());
        Map<String, Double> sorted = new LinkedHashMap<>();
        importances.entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .forEach(e -> sorted.put(e.getKey(), e.getValue()));
        return sorted;
    }

    /** The trials whose value is at most the target quantile's (Optuna's quantile filter, lower is better). */
    private static List<Trial> top(List<Trial> trials) {
        double[] values = trials.stream().mapToDouble(Trial::value).sorted().toArray();
        double cutoff = values[(int) Math.ceil(TARGET_QUANTILE * values.length) - 1];
        return trials.stream().filter(t -> t.value() <= cutoff).toList();
    }

    private static double pearsonDivergence(String name, ParameterDomain domain, List<Trial> top, List<Trial> all) {
        double[] topPdf = density(name, domain, top);
        double[] allPdf = density(name, domain, all);
        double divergence = 0;
        for (int i = 0; i < topPdf.length; i++) {
            double local = allPdf[i] + EPSILON;
            double ratio = (topPdf[i] + EPSILON) / local - 1;
            divergence += local * ratio * ratio;
        }
        return divergence;
    }

    private static double[] density(String name, ParameterDomain domain, List<Trial> trials) {
        if (domain instanceof ParameterDomain.Numeric numeric) {
            return ScottParzenEstimator.numeric(numericCounts(name, numeric, trials), PRIOR_WEIGHT);
        }
        return ScottParzenEstimator.categorical(categoricalCounts(name, (ParameterDomain.Categorical) domain, trials),
                PRIOR_WEIGHT);
    }

    /**
     * Counts of the values on the grid: each value goes to the first grid point at or above it less
     * half a step, i.e. the nearest one.
     */
    private static double[] numericCounts(String name, ParameterDomain.Numeric domain, List<Trial> trials) {
        int steps = GRID_STEPS;
        if (domain.integer() && domain.log()) {
            steps = Math.min((int) Math.ceil(Math.log(domain.high() - domain.low() + 1) / Math.log(2)) + 1, steps);
        } else if (domain.integer()) {
            steps = Math.min((int) Math.round(domain.high() - domain.low()) + 1, steps);
        }
        double low = scale(domain.low(), domain.log());
        double high = scale(domain.high(), domain.log());
        double stepSize = (high - low) / (steps - 1);
        double[] counts = new double[steps];
        for (Trial trial : trials) {
            double x = scale(((Number) trial.params().get(name)).doubleValue(), domain.log()) - stepSize / 2;
            int index = 0;
            while (index < steps && low + index * stepSize < x) {
                index++;
            }
            counts[Math.min(index, steps - 1)]++;
        }
        return counts;
    }

    private static double[] categoricalCounts(String name, ParameterDomain.Categorical domain, List<Trial> trials) {
        double[] counts = new double[domain.choices().size()];
        for (Trial trial : trials) {
            counts[domain.choices().indexOf(trial.params().get(name))]++;
        }
        return counts;
    }

    private static double scale(double value, boolean log) {
        return log ? Math.log(value) : value;
    }
}
