package io.vixlab.tuner.bench;

import io.vixlab.contracts.search.Architecture;
import io.vixlab.contracts.search.ParamSpec;
import io.vixlab.contracts.search.ParamSpec.FloatParam;
import io.vixlab.contracts.search.SearchSpace;
import io.vixlab.tuner.pruner.NopPruner;
import io.vixlab.tuner.sampler.Sampler;
import io.vixlab.tuner.study.FrozenTrial;
import io.vixlab.tuner.study.StudyOptimizer;
import io.vixlab.tuner.study.Trial;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import java.util.stream.IntStream;

/**
 * Public optimization test functions (Surjanovic and Bingham's Virtual Library of Simulation
 * Experiments: their usual domains and known minima) and a bowl over the seed's search space, for
 * sampler benchmarks and quality tests.
 */
public final class TestFunctions {

    private TestFunctions() {
    }

    private static final double[] HARTMANN_ALPHA = {1.0, 1.2, 3.0, 3.2};
    private static final double[][] HARTMANN3_A = {{3, 10, 30}, {0.1, 10, 35}, {3, 10, 30}, {0.1, 10, 35}};
    private static final double[][] HARTMANN3_P = {
        {0.3689, 0.1170, 0.2673}, {0.4699, 0.4387, 0.7470}, {0.1091, 0.8732, 0.5547}, {0.0381, 0.5743, 0.8828}};
    private static final double[][] HARTMANN6_A = {
        {10, 3, 17, 3.5, 1.7, 8}, {0.05, 10, 17, 0.1, 8, 14}, {3, 3.5, 1.7, 10, 17, 8}, {17, 8, 0.05, 10, 0.1, 14}};
    private static final double[][] HARTMANN6_P = {
        {0.1312, 0.1696, 0.5569, 0.0124, 0.8283, 0.5886}, {0.2329, 0.4135, 0.8307, 0.3736, 0.1004, 0.9991},
        {0.2348, 0.1451, 0.3522, 0.2883, 0.3047, 0.6650}, {0.4047, 0.8828, 0.8732, 0.5743, 0.1091, 0.0381}};

    /** A function to minimize over a search space, with its known minimum. */
    public record TestFunction(String name, SearchSpace space, ToDoubleFunction<Map<String, Object>> objective,
            double minimum) {

        /** The best value {@code sampler} finds in {@code trials} sequential trials. */
        public double bestFound(Sampler sampler, int trials) {
            StudyOptimizer study = new StudyOptimizer(sampler, new NopPruner());
            for (int i = 0; i < trials; i++) {
                Trial trial = study.ask(space);
                study.tell(trial.number(), objective.applyAsDouble(trial.params()));
            }
            return study.bestTrial().map(FrozenTrial::value).orElseThrow().getAsDouble();
        }

        @Override
        public String toString() {
            return name;
        }
    }

    public static final TestFunction BRANIN = new TestFunction("Branin",
            floats("Branin", new double[][] {{-5, 10}, {0, 15}}), p -> branin(x(p, 2)), 0.397887);
    public static final TestFunction HARTMANN_3 = new TestFunction("Hartmann-3",
            floats("Hartmann-3", cube(3, 0, 1)), p -> hartmann(x(p, 3), HARTMANN3_A, HARTMANN3_P), -3.86278);
    public static final TestFunction HARTMANN_6 = new TestFunction("Hartmann-6",
            floats("Hartmann-6", cube(6, 0, 1)), p -> hartmann(x(p, 6), HARTMANN6_A, HARTMANN6_P), -3.32237);
    public static final TestFunction ROSENBROCK_4 = new TestFunction("Rosenbrock-4",
            floats("Rosenbrock-4", cube(4, -2.048, 2.048)), p -> rosenbrock(x(p, 4)), 0.0);
    public static final TestFunction ACKLEY_5 = new TestFunction("Ackley-5",
            floats("Ackley-5", cube(5, -32.768, 32.768)), p -> ackley(x(p, 5)), 0.0);
    /** Basic_CNN_LSTM's space: five stepped ints, a linear float and a log-scale float. */
    public static final TestFunction SEED_SPACE_BOWL = new TestFunction("Basic_CNN_LSTM bowl",
            Architecture.BASIC_CNN_LSTM.searchSpace(), TestFunctions::seedSpaceBowl, 0.0);

    public static List<TestFunction> benchmarkSuite() {
        return List.of(BRANIN, HARTMANN_6, ROSENBROCK_4, ACKLEY_5, SEED_SPACE_BOWL);
    }

    static double branin(double[] x) {
        double b = 5.1 / (4 * Math.PI * Math.PI);
        double c = 5 / Math.PI;
        double t = 1 / (8 * Math.PI);
        return Math.pow(x[1] - b * x[0] * x[0] + c * x[0] - 6, 2) + 10 * (1 - t) * Math.cos(x[0]) + 10;
    }

    static double hartmann(double[] x, double[][] a, double[][] p) {
        double sum = 0;
        for (int i = 0; i < 4; i++) {
            double exponent = 0;
            for (int j = 0; j < x.length; j++) {
                exponent += a[i][j] * Math.pow(x[j] - p[i][j], 2);
            }
            sum += HARTMANN_ALPHA[i] * Math.exp(-exponent);
        }
        return -sum;
    }

    static double rosenbrock(double[] x) {
        double sum = 0;
        for (int i = 0; i + 1 < x.length; i++) {
            sum += 100 * Math.pow(x[i + 1] - x[i] * x[i], 2) + Math.pow(x[i] - 1, 2);
        }
        return sum;
    }

    static double ackley(double[] x) {
        double squares = 0;
        double cosines = 0;
        for (double xi : x) {
            squares += xi * xi;
            cosines += Math.cos(2 * Math.PI * xi);
        }
        return -20 * Math.exp(-0.2 * Math.sqrt(squares / x.length)) - Math.exp(cosines / x.length) + 20 + Math.E;
    }

    /**
     * A bowl with its minimum 0 at a grid point: each parameter's squared distance from its optimum
     * in units of its step, the learning rate's in decades.
     */
    static double seedSpaceBowl(Map<String, Object> p) {
        return squared(p, "cnn_filters_1", 64, 32) + squared(p, "cnn_filters_2", 48, 16)
                + squared(p, "lstm_units_1", 96, 32) + squared(p, "lstm_units_2", 32, 16)
                + squared(p, "dense_units", 16, 8)
                + Math.pow(((Double) p.get("dropout_rate") - 0.2) / 0.1, 2)
                + Math.pow(Math.log10((Double) p.get("learning_rate") / 1e-3), 2);
    }

    private static double squared(Map<String, Object> params, String name, int optimum, int step) {
        return Math.pow(((Integer) params.get(name) - optimum) / (double) step, 2);
    }

    private static double[][] cube(int dimensions, double low, double high) {
        return IntStream.range(0, dimensions).mapToObj(i -> new double[] {low, high}).toArray(double[][]::new);
    }

    private static SearchSpace floats(String name, double[][] bounds) {
        return new SearchSpace(name, IntStream.range(0, bounds.length)
                .<ParamSpec>mapToObj(i -> new FloatParam("x" + i, bounds[i][0], bounds[i][1], false))
                .toList());
    }

    private static double[] x(Map<String, Object> params, int dimensions) {
        return IntStream.range(0, dimensions).mapToDouble(i -> (Double) params.get("x" + i)).toArray();
    }
}
