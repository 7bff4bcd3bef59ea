package io.vixlab.tuner.bench;

import io.vixlab.contracts.search.Architecture;
import io.vixlab.contracts.search.SearchSpace;
import io.vixlab.tuner.sampler.RandomSampler;
import io.vixlab.tuner.sampler.TpeSampler;
import io.vixlab.tuner.study.FrozenTrial;
import io.vixlab.contracts.training.TrialState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Latency of one TPE ask (what {@code StudyOptimizer.ask} spends in the sampler) on the seed's
 * Deep_CNN_LSTM space, ten parameters, once 1,000 trials have finished. Run it with
 * {@code mvn -B -pl tuner-service -Pbench test-compile exec:exec}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
// Long warm-up: on a busy two-core machine the JIT needs several iterations to settle.
@Warmup(iterations = 8, time = 2)
@Measurement(iterations = 8, time = 2)
@Fork(1)
public class AskLatencyBenchmark {

    private static final int FINISHED_TRIALS = 1_000;

    private final SearchSpace space = Architecture.DEEP_CNN_LSTM.searchSpace();
    private final TpeSampler sampler = TpeSampler.withSeed(42);
    private List<FrozenTrial> trials;
    private int nextNumber;

    @Setup
    public void finishTrials() {
        RandomSampler random = new RandomSampler(7);
        Instant start = Instant.parse("2026-01-05T09:00:00Z");
        trials = new ArrayList<>();
        for (int number = 0; number < FINISHED_TRIALS; number++) {
            Map<String, Object> params = random.sample(space, List.of(), number);
            trials.add(new FrozenTrial(number, TrialState.COMPLETE, params,
                    OptionalDouble.of(loss(params)), new TreeMap<>(), start, Optional.of(start)));
        }
        nextNumber = FINISHED_TRIALS;
    }

    @Benchmark
    public Map<String, Object> ask() {
        // A new trial number each call, as successive asks have, so no call repeats another's draws.
        return sampler.sample(space, trials, nextNumber++);
    }

    /** A stand-in validation loss: smallest for mid-sized layers, moderate dropout and lr near 1e-3. */
    private static double loss(Map<String, Object> params) {
        double loss = 0;
        for (String name : List.of("cnn_filters_1", "cnn_filters_2", "lstm_units_1", "lstm_units_2")) {
            loss += Math.abs((Integer) params.get(name) - 96) / 96.0;
        }
        loss += Math.abs((Double) params.get("dropout_rate") - 0.3);
        loss += Math.abs(Math.log10((Double) params.get("learning_rate") / 1e-3));
        return loss;
    }
}
