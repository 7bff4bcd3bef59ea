package io.vixlab.trainer.training;

import io.vixlab.contracts.search.Architecture;
import io.vixlab.trainer.model.CnnLstmModel;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.tensorflow.types.TFloat32;

/**
 * Training-step benchmark: per architecture, milliseconds per Adam step and samples per second at
 * batch 32, 30 steps, 16 features (the default feature count), mid-range parameters, and the
 * parameter count. Run from the repository root:
 * <pre>
 * mvn -B -q -pl trainer-service compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -cp trainer-service/target/classes:$(cat trainer-service/target/cp.txt) \
 *     io.vixlab.trainer.training.TrainingBenchmark [warmupSteps=20] [measuredSteps=200]
 * </pre>
 * With {@code -Pgpu} on both commands it measures the CUDA build of TensorFlow.
 */
public final class TrainingBenchmark {

    public static final int BATCH = 32;
    public static final int STEPS = 30;
    public static final int FEATURES = 16;

    private TrainingBenchmark() {
    }

    /** Mid-range values of each search space (the middle grid point, lr 1e-3). */
    public static Map<String, Object> midParams(Architecture architecture) {
        return switch (architecture) {
            case BASIC_CNN_LSTM -> Map.of("cnn_filters_1", 64, "cnn_filters_2", 32, "lstm_units_1", 64,
                    "lstm_units_2", 32, "dense_units", 16, "dropout_rate", 0.3, "learning_rate", 1e-3);
            case DEEP_CNN_LSTM -> Map.of("cnn_filters_1", 128, "cnn_filters_2", 64, "cnn_filters_3", 32,
                    "lstm_units_1", 128, "lstm_units_2", 64, "lstm_units_3", 32, "dense_units_1", 32,
                    "dense_units_2", 16, "dropout_rate", 0.4, "learning_rate", 1e-3);
            case BIDIRECTIONAL_CNN_LSTM -> Map.of("cnn_filters_1", 64, "cnn_filters_2", 32, "lstm_units_1", 64,
                    "lstm_units_2", 32, "dense_units", 32, "dropout_rate", 0.3, "learning_rate", 1e-3);
            case ATTENTION_CNN_LSTM -> Map.of("cnn_filters_1", 64, "cnn_filters_2", 32, "lstm_units", 64,
                    "attention_heads", 4, "dense_units", 32, "dropout_rate", 0.3, "learning_rate", 1e-3);
            case MULTISCALE_CNN_LSTM -> Map.of("filters_small", 32, "filters_medium", 32, "filters_large", 32,
                    "lstm_units", 64, "dense_units", 32, "dropout_rate", 0.3, "learning_rate", 1e-3);
        };
    }

    /**
     * @param cpuMillisPerStep process CPU time per step (all threads): less sensitive than wall time
     *                         to other load on a shared machine; -1 where the JVM cannot tell
     */
    public record StepTiming(Architecture architecture, long parameterCount, double buildMillis,
                             double millisPerStep, double samplesPerSecond, double cpuMillisPerStep) {
    }

    public static StepTiming measure(Architecture architecture, int warmup, int measured) {
        long t0 = System.nanoTime();
        try (CnnLstmModel<TFloat32> model = CnnLstmModel.build(architecture, midParams(architecture), STEPS, FEATURES)) {
            model.initialize(42);
            double buildMillis = (System.nanoTime() - t0) / 1e6;
            SplittableRandom random = new SplittableRandom(7);
            float[] x = new float[BATCH * STEPS * FEATURES];
            float[] y = new float[BATCH];
            for (int i = 0; i < x.length; i++) {
                x[i] = (float) (random.nextDouble() * 2 - 1);
            }
            for (int i = 0; i < y.length; i++) {
                y[i] = (float) (random.nextDouble() * 2 - 1);
            }
            for (int i = 0; i < warmup; i++) {
                model.trainStep(x, y, BATCH, 1e-3, 1, i);
            }
            long cpuStart = processCpuNanos();
            long start = System.nanoTime();
            for (int i = 0; i < measured; i++) {
                model.trainStep(x, y, BATCH, 1e-3, 1, warmup + i);
            }
            double ms = (System.nanoTime() - start) / 1e6 / measured;
            long cpuEnd = processCpuNanos();
            double cpuMs = cpuStart < 0 || cpuEnd < 0 ? -1 : (cpuEnd - cpuStart) / 1e6 / measured;
            return new StepTiming(architecture, model.parameterCount(), buildMillis, ms, BATCH * 1000.0 / ms, cpuMs);
        }
    }

    private static long processCpuNanos() {
        if (java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return -1;
    }

    public static void main(String[] args) {
        int warmup = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        int measured = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        System.out.printf(Locale.ROOT, "batch %d, %d steps x %d features, %d warm-up + %d measured steps, %s%n",
                BATCH, STEPS, FEATURES, warmup, measured, System.getProperty("os.arch"));
        System.out.printf(Locale.ROOT, "%d available processors, load average %.1f%n",
                Runtime.getRuntime().availableProcessors(),
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        System.out.printf(Locale.ROOT, "%-24s %10s %10s %10s %12s %14s%n",
                "architecture", "params", "build ms", "ms/step", "samples/s", "CPU ms/step");
        for (Architecture a : Architecture.values()) {
            StepTiming t = measure(a, warmup, measured);
            System.out.printf(Locale.ROOT, "%-24s %10d %10.0f %10.2f %12.0f %14.2f%n", a.displayName(),
                    t.parameterCount(), t.buildMillis(), t.millisPerStep(), t.samplesPerSecond(), t.cpuMillisPerStep());
        }
    }
}
