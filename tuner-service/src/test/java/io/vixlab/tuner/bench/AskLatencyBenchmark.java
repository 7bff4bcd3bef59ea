package io.vixlab.tuner.bench;

import io.vixlab.contracts.search.Architecture;
import io.vixlab.contracts.search.SearchSpace;
import io.vixlab.tuner.sampler.TpeSampler;
import io.vixlab.tuner.study.FrozenTrial;
import java.util.List;
import java.util.Map;
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
        trials = SamplerBenchmark.history(space, FINISHED_TRIALS);
        nextNumber = FINISHED_TRIALS;
    }

    @Benchmark
    public Map<String, Object> ask() {
        // A new trial number each call, as successive asks have, so no call repeats another's draws.
        return sampler.sample(space, trials, nextNumber++);
    }
}
