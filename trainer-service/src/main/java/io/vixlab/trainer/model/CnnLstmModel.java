package io.vixlab.trainer.model;

import io.vixlab.contracts.search.Architecture;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.Session;
import org.tensorflow.Signature;
import org.tensorflow.Tensor;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.proto.ConfigProto;
import org.tensorflow.proto.RunOptions;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;
import org.tensorflow.types.family.TFloating;

/**
 * One architecture built for one trial: a graph with a training forward pass (dropout on,
 * BatchNorm on batch statistics) and an inference pass sharing its weights, MSE loss, Adam, and
 * the session that holds the weights. Not thread-safe; close it to free the native graph.
 */
public final class CnnLstmModel<T extends TFloating> implements AutoCloseable {

    /** Signature key, input and output names of the exported SavedModel. */
    public static final String SIGNATURE_KEY = "serving_default";
    public static final String INPUT_NAME = "windows";
    public static final String OUTPUT_NAME = "prediction";

    private static final int PREDICT_BATCH = 1024;

    /**
     * The options of every session: null for TensorFlow's defaults (pools as large as the cores it
     * sees). TensorFlow sizes its process-wide pools from the first session's options, so the
     * trainer sets this once, before it builds a model.
     */
    private static volatile ConfigProto sessionConfig;

    private final Architecture architecture;
    private final Map<String, Object> params;
    private final int steps;
    private final int features;
    private final Graph graph;
    private final ModelContext<T> ctx;
    private final Placeholder<T> windows;
    private final Placeholder<T> targets;
    private final Placeholder<T> learningRate;
    private final Operand<T> trainingPrediction;
    private final Operand<T> prediction;
    private final Operand<T> loss;
    private final Op trainStep;
    private final boolean usesDropout;
    private final Session session;

    private CnnLstmModel(Architecture architecture, Map<String, ?> params, int steps, int features, Class<T> type) {
        this.architecture = architecture;
        this.params = new LinkedHashMap<>(params);
        this.steps = steps;
        this.features = features;
        this.graph = new Graph();
        try {
            this.ctx = new ModelContext<>(graph, type);
            Ops tf = ctx.tf();
            Network<T> network = Architectures.build(architecture, params, ctx, steps, features);
            windows = tf.withName(INPUT_NAME).placeholder(type, Placeholder.shape(Shape.of(-1, steps, features)));
            targets = tf.withName("targets").placeholder(type, Placeholder.shape(Shape.of(-1)));
            learningRate = tf.withName("learning_rate").placeholder(type, Placeholder.shape(Shape.scalar()));
            trainingPrediction = tf.reshape(network.forward(windows, true), tf.constant(new long[] {-1}));
            prediction = tf.withName(OUTPUT_NAME).reshape(network.forward(windows, false), tf.constant(new long[] {-1}));
            loss = tf.withName("loss").math.mean(tf.math.squaredDifference(trainingPrediction, targets), tf.constant(0));
            usesDropout = graph.operation("dropout_seed") != null;
            List<Op> updates = new ArrayList<>(ctx.trainingUpdates());
            trainStep = new AdamOptimizer<>(ctx, loss, learningRate, updates).minimize();
            session = new Session(graph, sessionConfig);
        } catch (RuntimeException | Error e) {
            graph.close();
            throw e;
        }
    }

    /** Sizes TensorFlow's thread pools to {@code budget} for the models built from now on. */
    public static void useThreads(CpuBudget budget) {
        sessionConfig = ConfigProto.newBuilder()
                .setIntraOpParallelismThreads(budget.intraOp())
                .setInterOpParallelismThreads(budget.interOp())
                .build();
    }

    /** A float32 model of {@code architecture} for windows of {@code steps x features}. */
    public static CnnLstmModel<TFloat32> build(Architecture architecture, Map<String, ?> params, int steps, int features) {
        return build(architecture, params, steps, features, TFloat32.class);
    }

    public static <T extends TFloating> CnnLstmModel<T> build(
            Architecture architecture, Map<String, ?> params, int steps, int features, Class<T> type) {
        Architectures.validate(architecture, params);
        if (steps < 2 || features < 1) {
            throw new IllegalArgumentException("need at least 2 steps and 1 feature, got " + steps + " x " + features);
        }
        return new CnnLstmModel<>(architecture, params, steps, features, type);
    }

    public Architecture architecture() {
        return architecture;
    }

    public Map<String, Object> params() {
        return Map.copyOf(params);
    }

    public int steps() {
        return steps;
    }

    public int features() {
        return features;
    }

    /** The trial's learning rate. */
    public double learningRate() {
        return ((Number) params.get("learning_rate")).doubleValue();
    }

    public ModelContext<T> context() {
        return ctx;
    }

    public Session session() {
        return session;
    }

    /** Keras's {@code model.count_params()}. */
    public long parameterCount() {
        return ctx.parameterCount();
    }

    /** Fresh weights and optimizer state, as a newly built Keras model would have. */
    public void initialize(long seed) {
        ctx.initialize(session, seed);
    }

    /**
     * One Adam step on a batch; returns the batch's MSE (training mode, before the update).
     *
     * @param x     {@code count * steps * features} values, row-major
     * @param y     {@code count} targets
     * @param step  distinguishes the dropout masks of successive steps
     */
    public double trainStep(float[] x, float[] y, int count, double lr, long seed, long step) {
        checkBatch(x, y, count);
        try (Tensor xt = ctx.tensor(Shape.of(count, steps, features), x);
             Tensor yt = ctx.tensor(Shape.of(count), y);
             Tensor lrt = ctx.scalar(lr);
             TInt64 seedTensor = TInt64.vectorOf(seed, step)) {
            Session.Runner runner = session.runner().feed(windows, xt).feed(targets, yt).feed(learningRate, lrt);
            if (usesDropout) {
                runner.feed(ctx.dropoutSeed(), seedTensor);
            }
            try (Result r = runner.fetch(loss).addTarget(trainStep).run()) {
                return ModelContext.toDoubles(r.get(0))[0];
            }
        }
    }

    /** Inference-mode forecasts (dropout off, BatchNorm on moving statistics). */
    public float[] predict(float[] x, int count) {
        if (x.length != (long) count * steps * features) {
            throw new IllegalArgumentException("expected " + count + " windows of " + steps + " x " + features);
        }
        float[] out = new float[count];
        int window = steps * features;
        for (int start = 0; start < count; start += PREDICT_BATCH) {
            int n = Math.min(PREDICT_BATCH, count - start);
            float[] chunk = Arrays.copyOfRange(x, start * window, (start + n) * window);
            try (Tensor xt = ctx.tensor(Shape.of(n, steps, features), chunk);
                 Result r = session.runner().feed(windows, xt).fetch(prediction).run()) {
                double[] p = ModelContext.toDoubles(r.get(0));
                for (int i = 0; i < n; i++) {
                    out[start + i] = (float) p[i];
                }
            }
        }
        return out;
    }

    /** Training-mode forecasts for one batch (dropout on with the given seed, batch statistics), no update. */
    public float[] predictTraining(float[] x, int count, long seed, long step) {
        try (Tensor xt = ctx.tensor(Shape.of(count, steps, features), x);
             TInt64 seedTensor = TInt64.vectorOf(seed, step)) {
            Session.Runner runner = session.runner().feed(windows, xt);
            if (usesDropout) {
                runner.feed(ctx.dropoutSeed(), seedTensor);
            }
            try (Result r = runner.fetch(trainingPrediction).run()) {
                double[] p = ModelContext.toDoubles(r.get(0));
                float[] out = new float[count];
                for (int i = 0; i < count; i++) {
                    out[i] = (float) p[i];
                }
                return out;
            }
        }
    }

    /**
     * The devices a traced inference pass ran its kernels on, e.g.
     * {@code /job:localhost/replica:0/task:0/device:CPU:0} or {@code ...device:GPU:0}, for the
     * trainer to log. Needs initialised weights; changes nothing.
     */
    public Set<String> devices() {
        try (Tensor xt = ctx.tensor(Shape.of(1, steps, features), new float[steps * features])) {
            Session.Runner runner = session.runner().feed(windows, xt).fetch(prediction)
                    .setOptions(RunOptions.newBuilder().setTraceLevel(RunOptions.TraceLevel.FULL_TRACE).build());
            try (Result r = runner.runAndFetchMetadata()) {
                Set<String> devices = new TreeSet<>();
                r.getMetadata().ifPresent(m -> m.getStepStats().getDevStatsList()
                        .forEach(d -> devices.add(d.getDevice())));
                return devices;
            }
        }
    }

    /** Keras's {@code get_weights()}: every model weight including BatchNorm's moving statistics. */
    public Map<Weight<T>, double[]> weights() {
        return ctx.snapshot(session);
    }

    /** Keras's {@code set_weights()}. */
    public void setWeights(Map<Weight<T>, double[]> values) {
        ctx.assign(session, values);
    }

    /**
     * Writes a TensorFlow SavedModel (tag {@code serve}) whose {@value #SIGNATURE_KEY} signature maps
     * {@value #INPUT_NAME} (batch, steps, features) to {@value #OUTPUT_NAME} (batch): the inference pass.
     */
    public void export(Path directory) throws IOException {
        Signature signature = Signature.builder()
                .key(SIGNATURE_KEY)
                .input(INPUT_NAME, windows)
                .output(OUTPUT_NAME, prediction)
                .methodName("tensorflow/serving/predict")
                .build();
        SavedModelBundle.exporter(directory.toString())
                .withTags(SavedModelBundle.DEFAULT_TAG)
                .withSession(session)
                .withSignature(signature)
                .export();
    }

    private void checkBatch(float[] x, float[] y, int count) {
        if (count < 1 || x.length != (long) count * steps * features || y.length != count) {
            throw new IllegalArgumentException("batch of " + count + " needs " + (count * steps * features)
                    + " inputs and " + count + " targets, got " + x.length + " and " + y.length);
        }
    }

    @Override
    public void close() {
        try {
            session.close();
        } finally {
            graph.close();
        }
    }
}
