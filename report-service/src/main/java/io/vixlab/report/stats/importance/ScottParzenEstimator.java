package io.vixlab.report.stats.importance;

import java.util.Arrays;
import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * The density of a parameter's values over a grid of {@code n} steps, as Optuna's
 * {@code _ScottParzenEstimator} for PED-ANOVA builds it: on a numeric grid, a discrete truncated
 * normal kernel on every occupied step (weighted by its count, bandwidth by Scott's rule, at least
 * 0.5 / 1.64 steps) plus a wide prior kernel at the grid's centre; on categories, each observed
 * choice's kernel puts the prior weight, shared by the kernels, on every choice and 1 on the choice itself. The
 * prior has weight {@code priorWeight} against the counts.
 */
final class ScottParzenEstimator {

    private static final NormalDistribution STANDARD = new NormalDistribution(0, 1);

    private ScottParzenEstimator() {
    }

    /** The probability of each grid step for counts of values on a numeric grid. */
    static double[] numeric(double[] counts, double priorWeight) {
        int steps = counts.length;
        double n = 0;
        double weightedSum = 0;
        for (int i = 0; i < steps; i++) {
            n += counts[i];
            weightedSum += i * counts[i];
        }
        double mean = weightedSum / n;
        double squares = 0;
        for (int i = 0; i < steps; i++) {
            squares += counts[i] * (i - mean) * (i - mean);
        }
        double sigma = Math.sqrt(squares / Math.max(1, n - 1));
        double iqr = quantileStep(counts, Math.floorDiv((long) n * 3, 4), false)
                - quantileStep(counts, Math.floorDiv((long) n, 4), true);
        double bandwidth = Math.max(1.059 * Math.min(iqr / 1.34, sigma) * Math.pow(n, -0.2), 0.5 / 1.64);
        double[] pdf = new double[steps];
        double total = n + priorWeight;
        for (int i = 0; i < steps; i++) {
            if (counts[i] > 0) {
                addKernel(pdf, i, bandwidth, counts[i] / total);
            }
        }
        addKernel(pdf, 0.5 * (steps - 1), steps, priorWeight / total);
        return pdf;
    }

    /** The probability of each choice for counts of each choice. */
    static double[] categorical(double[] counts, double priorWeight) {
        int choices = counts.length;
        double n = 0;
        for (double count : counts) {
            n += count;
        }
        double total = n + priorWeight;
        long kernels = Arrays.stream(counts).filter(c -> c > 0).count() + 1;
        double spread = priorWeight / kernels;
        double[] pdf = new double[choices];
        for (int observed = 0; observed < choices; observed++) {
            if (counts[observed] == 0) {
                continue;
            }
            double kernelTotal = spread * choices + 1;
            for (int c = 0; c < choices; c++) {
                double kernel = (spread + (c == observed ? 1 : 0)) / kernelTotal;
                pdf[c] += counts[observed] / total * kernel;
            }
        }
        // The prior component: every choice alike.
        for (int c = 0; c < choices; c++) {
            pdf[c] += priorWeight / total / choices;
        }
        return pdf;
    }

    /**
     * The step holding the {@code rank}-th value: numpy's searchsorted over the cumulative counts of
     * occupied steps, left ({@code left}) or right, clipped to the last occupied step.
     */
    private static int quantileStep(double[] counts, long rank, boolean left) {
        double cumulative = 0;
        int last = -1;
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] == 0) {
                continue;
            }
            cumulative += counts[i];
            last = i;
            if (left ? cumulative >= rank : cumulative > rank) {
                return i;
            }
        }
        return last;
    }

    /** Adds a normal kernel discretised on the grid's steps and truncated to the grid. */
    private static void addKernel(double[] pdf, double mu, double sigma, double weight) {
        int high = pdf.length - 1;
        double mass = STANDARD.cumulativeProbability((high + 0.5 - mu) / sigma)
                - STANDARD.cumulativeProbability((-0.5 - mu) / sigma);
        for (int k = 0; k <= high; k++) {
            double p = STANDARD.cumulativeProbability((k + 0.5 - mu) / sigma)
                    - STANDARD.cumulativeProbability((k - 0.5 - mu) / sigma);
            pdf[k] += weight * p / mass;
        }
    }
}
