package io.vixlab.tuner.bench;

import io.vixlab.contracts.search.Architecture;
import io.vixlab.contracts.search.SearchSpace;
import io.vixlab.contracts.training.TrialState;
import io.vixlab.tuner.bench.TestFunctions.TestFunction;
import io.vixlab.tuner.sampler.GpSampler;
import io.vixlab.tuner.sampler.RandomSampler;
import io.vixlab.tuner.sampler.Sampler;
import io.vixlab.tuner.sampler.TpeSampler;
import io.vixlab.tuner.study.FrozenTrial;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;
import java.util.function.LongFunction;

/**
 * Compares the samplers a study can name: for each test function, the best value each finds in
 * {@code --trials} trials over {@code --seeds} seeds (median and quartiles), then the time of one
 * ask after 50, 100, 200 and 1,000 finished trials on the seed's Deep_CNN_LSTM space. Run with
 * {@code mvn -B -pl tuner-service -Psampler-bench test-compile exec:exec}; options in
 * {@code -Dbench.args="--seeds 10 --trials 50 --samplers tpe,gp --functions Branin,Hartmann-6"}, and
 * {@code --no-quality} or {@code --no-latency} to leave a part out.
 */
public final class SamplerBenchmark {

    private static final Map<String, LongFunction<Sampler>> SAMPLERS = new LinkedHashMap<>();

    static {
        SAMPLERS.put("tpe", TpeSampler::withSeed);
        SAMPLERS.put("tpe-multivariate", seed -> TpeSampler.builder().seed(seed).multivariate(true).build());
        SAMPLERS.put("gp", GpSampler::new);
        SAMPLERS.put("random", RandomSampler::new);
    }

    private static final int[] HISTORY_SIZES = {50, 100, 200, 1_000};
    private static final long WARM_UP_NANOS = 5_000_000_000L;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private SamplerBenchmark() {
    }

    public static void main(String[] args) {
        Map<String, String> options = options(args);
        int seeds = Integer.parseInt(options.getOrDefault("seeds", "10"));
        int trials = Integer.parseInt(options.getOrDefault("trials", "50"));
        List<String> samplers = List.of(options.getOrDefault("samplers", String.join(",", SAMPLERS.keySet())).split(","));
        List<String> functions = options.containsKey("functions")
                ? List.of(options.get("functions").split(","))
                : TestFunctions.benchmarkSuite().stream().map(TestFunction::name).toList();
        samplers.stream().filter(s -> !SAMPLERS.containsKey(s)).findFirst().ifPresent(s -> {
            throw new IllegalArgumentException("unknown sampler " + s + "; known: " + SAMPLERS.keySet());
        });

        if (!options.containsKey("no-quality")) {
            bestValues(seeds, trials, samplers, functions);
        }
        if (!options.containsKey("no-latency")) {
            askLatency(samplers);
        }
    }

    private static void bestValues(int seeds, int trials, List<String> samplers, List<String> functions) {
        System.out.printf("Best value after %d trials over %d seeds: median [first quartile, third quartile]%n",
                trials, seeds);
        System.out.printf("%-22s %-17s %12s %12s %12s %10s%n", "function", "sampler", "median", "q1", "q3", "seconds");
        for (TestFunction function : TestFunctions.benchmarkSuite()) {
            if (!functions.contains(function.name())) {
                continue;
            }
            for (String sampler : samplers) {
                long start = System.nanoTime();
                double[] bests = new double[seeds];
                for (int seed = 0; seed < seeds; seed++) {
                    bests[seed] = function.bestFound(SAMPLERS.get(sampler).apply(seed), trials);
                }
                Arrays.sort(bests);
                System.out.printf("%-22s %-17s %12.5f %12.5f %12.5f %10.1f%n", function.name(), sampler,
                        quantile(bests, 0.5), quantile(bests, 0.25), quantile(bests, 0.75),
                        (System.nanoTime() - start) / 1e9);
            }
        }
    }

    /** numpy's default (linear) quantile of sorted values. */
    private static double quantile(double[] sorted, double q) {
        double position = q * (sorted.length - 1);
        int below = (int) Math.floor(position);
        int above = Math.min(sorted.length - 1, below + 1);
        return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
    }

    /**
     * Median milliseconds of one ask after n finished random trials of a stand-in loss on
     * Deep_CNN_LSTM (ten parameters), as CPU time of the asking thread (every sampler asks on one
     * thread), so that other work on a shared machine does not count. Each sampler first asks on
     * the 100-trial history for a few seconds so that the JIT has compiled it; where one ask takes
     * long, fewer are timed.
     */
    private static void askLatency(List<String> samplers) {
        SearchSpace space = Architecture.DEEP_CNN_LSTM.searchSpace();
        System.out.printf("%nAsk latency on %s, CPU milliseconds of the asking thread (median of the timed asks)%n",
                space.architecture());
        System.out.printf("%-17s", "sampler");
        Arrays.stream(HISTORY_SIZES).forEach(n -> System.out.printf(" %12s", n + " trials"));
        System.out.println();
        for (String name : samplers) {
            System.out.printf("%-17s", name);
            Sampler sampler = SAMPLERS.get(name).apply(42);
            List<FrozenTrial> warmUpHistory = history(space, 100);
            long warmUpEnd = System.nanoTime() + WARM_UP_NANOS;
            for (int i = 0; i < 1_000 && System.nanoTime() < warmUpEnd; i++) {
                sampler.sample(space, warmUpHistory, 100 + i);
            }
            for (int n : HISTORY_SIZES) {
                List<FrozenTrial> history = history(space, n);
                double first = timeAsk(sampler, space, history, n);
                int asks = first > 1_000 ? 1 : first > 50 ? 5 : 200;
                double[] times = new double[asks];
                for (int i = 0; i < asks; i++) {
                    times[i] = timeAsk(sampler, space, history, n + 1 + i);
                }
                Arrays.sort(times);
                System.out.printf(" %12.3f", quantile(times, 0.5));
            }
            System.out.println();
        }
    }

    private static double timeAsk(Sampler sampler, SearchSpace space, List<FrozenTrial> history, int number) {
        long start = THREADS.getCurrentThreadCpuTime();
        sampler.sample(space, history, number);
        return (THREADS.getCurrentThreadCpuTime() - start) / 1e6;
    }

    /** {@code n} COMPLETE trials of random parameters scored by a stand-in validation loss. */
    static List<FrozenTrial> history(SearchSpace space, int n) {
        RandomSampler random = new RandomSampler(7);
        Instant start = Instant.parse("2026-01-05T09:00:00Z");
        List<FrozenTrial> trials = new ArrayList<>();
        for (int number = 0; number < n; number++) {
            Map<String, Object> params = random.sample(space, List.of(), number);
            trials.add(new FrozenTrial(number, TrialState.COMPLETE, params, OptionalDouble.of(standInLoss(params)),
                    new TreeMap<>(), start, Optional.of(start)));
        }
        return trials;
    }

    /** Smallest for mid-sized layers, moderate dropout and a learning rate near 1e-3. */
    private static double standInLoss(Map<String, Object> params) {
        double loss = 0;
        for (String name : List.of("cnn_filters_1", "cnn_filters_2", "lstm_units_1", "lstm_units_2")) {
            loss += Math.abs((Integer) params.get(name) - 96) / 96.0;
        }
        loss += Math.abs((Double) params.get("dropout_rate") - 0.3);
        loss += Math.abs(Math.log10((Double) params.get("learning_rate") / 1e-3));
        return loss;
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("expected an option like --seeds, got " + args[i]);
            }
            String name = args[i].substring(2);
            boolean flag = name.startsWith("no-");
            if (!flag && i + 1 == args.length) {
                throw new IllegalArgumentException("--" + name + " needs a value");
            }
            options.put(name, flag ? "true" : args[++i]);
        }
        return options;
    }
}
