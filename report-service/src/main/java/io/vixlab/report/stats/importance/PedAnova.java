package io.vixlab.report.stats.importance;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Hyperparameter importance by PED-ANOVA (Watanabe et al. 2023, "PED-ANOVA: Efficiently Quantifying
 * Hyperparameter Importance in Arbitrary Subspaces"), as Optuna's {@code PedAnovaImportanceEvaluator}
 * computes it with its defaults, the evaluator Optuna Dashboard shows: the top 10% of the complete
 * trials (at least two) by value, lower is better; for each parameter, the Pearson divergence between
 * the density of its values among the top trials and among all trials, both from
 * {@link ScottParzenEstimator} on a grid of at most 50 steps (log-scaled for a log parameter, one step
 * per integer for a narrow integer range); the divergences normalised to sum to 1. A parameter that
 * took one value only gets 0.
 */
public final class PedAnova {

    /** Share of the trials that count as the top ones. */
    static final double BASELINE_QUANTILE = 0.1;
    static final int MIN_TOP_TRIALS = 2;
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
     * Each parameter's importance, most important first, summing to 1; empty when no parameter took
     * two values. Trials are compared on the parameters every one of them has.
     */
    public static Map<String, Double> importances(List<Trial> trials) {
        if (trials.isEmpty()) {
            return Map.of();
        }
        Set<String> names = new TreeSet<>(trials.get(0).params().keySet());
        trials.forEach(t -> names.retainAll(t.params().keySet()));
        Map<String, ParameterDomain> domains = new LinkedHashMap<>();
        names.forEach(name -> domains.put(name,
                ParameterDomain.of(name, trials.stream().map(t -> t.params().get(name)).toList())));
        List<String> varying = domains.entrySet().stream().filter(e -> !e.getValue().single()).map(Map.Entry::getKey)
                .toList();
        if (varying.isEmpty()) {
            return Map.of();
        }
        Map<String, Double> importances = new LinkedHashMap<>();
        if (trials.size() <= MIN_TOP_TRIALS) {
            varying.forEach(name -> importances.put(name, 1.0 / varying.size()));
        } else {
            List<Trial> top = top(trials);
            double sum = 0;
            for (String name : varying) {
                double divergence = pearsonDivergence(name, domains.get(name), top, trials);
                importances.put(name, divergence);
                sum += divergence;
            }
            double total = sum;
            importances.replaceAll((name, divergence) -> total > 0 ? divergence / total : 1.0 / varying.size());
        }
        domains.forEach((name, domain) -> importances.putIfAbsent(name, 0.0));
        Map<String, Double> sorted = new LinkedHashMap<>();
        importances.entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .forEach(e -> sorted.put(e.getKey(), e.getValue()));
        return sorted;
    }

    /** The trials whose value is at most the baseline quantile's (Optuna's quantile filter, lower is better). */
    private static List<Trial> top(List<Trial> trials) {
        double[] values = trials.stream().mapToDouble(Trial::value).sorted().toArray();
        int n = Math.max(MIN_TOP_TRIALS, (int) Math.ceil(trials.size() * BASELINE_QUANTILE));
        double cutoff = values[Math.min(n, values.length) - 1];
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
