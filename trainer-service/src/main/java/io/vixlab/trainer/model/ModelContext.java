package io.vixlab.trainer.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Session;
import org.tensorflow.Tensor;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Assign;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TFloat64;
import org.tensorflow.types.TInt64;
import org.tensorflow.types.family.TFloating;

/**
 * The graph a model's layers are built into: weights (created, named and initialised here), the
 * dropout seed, and the update ops that run with every training step (BatchNormalization's moving
 * statistics). {@code T} is the float type of the whole model: {@link TFloat32} for training,
 * {@link TFloat64} for gradient checks.
 */
public final class ModelContext<T extends TFloating> {

    private final Graph graph;
    private final Ops tf;
    private final Class<T> type;
    private final List<Weight<T>> weights = new ArrayList<>();
    private final List<Op> trainingUpdates = new ArrayList<>();
    private final Map<String, Integer> names = new HashMap<>();
    private Placeholder<TInt64> dropoutSeed;
    private int dropoutLayers;

    public ModelContext(Graph graph, Class<T> type) {
        if (type != TFloat32.class && type != TFloat64.class) {
            throw new IllegalArgumentException("models are float32 or float64, not " + type.getSimpleName());
        }
        this.graph = graph;
        this.tf = Ops.create(graph);
        this.type = type;
    }

    public Graph graph() {
        return graph;
    }

    public Ops tf() {
        return tf;
    }

    public Class<T> type() {
        return type;
    }

    /** A Keras-style unique layer name: {@code lstm}, {@code lstm_1}, ... */
    public String uniqueName(String base) {
        int n = names.merge(base, 1, Integer::sum);
        return n == 1 ? base : base + "_" + (n - 1);
    }

    public Weight<T> weight(String name, long[] shape, Initializer initializer, Weight.Kind kind) {
        // TensorFlow op names may not contain '/' outside name scopes: conv1d/kernel -> conv1d.kernel
        String opName = name.replace('/', '.');
        Variable<T> variable = tf.withName(opName).variable(Shape.of(shape), type);
        Placeholder<T> value = tf.withName(opName + ".value").placeholder(type, Placeholder.shape(Shape.of(shape)));
        Assign<T> assign = tf.withName(opName + ".assign").assign(variable, value);
        Weight<T> w = new Weight<>(name, shape, initializer, kind, variable, value, assign);
        weights.add(w);
        return w;
    }

    public List<Weight<T>> weights() {
        return List.copyOf(weights);
    }

    /** A scalar constant of the model's type. */
    @SuppressWarnings("unchecked")
    public Operand<T> constant(double value) {
        return type == TFloat64.class ? (Operand<T>) tf.constant(value) : (Operand<T>) tf.constant((float) value);
    }

    /** The {@code [2]} int64 seed fed with every training step; each dropout layer offsets it. */
    public Placeholder<TInt64> dropoutSeed() {
        if (dropoutSeed == null) {
            dropoutSeed = tf.withName("dropout_seed").placeholder(TInt64.class, Placeholder.shape(Shape.of(2)));
        }
        return dropoutSeed;
    }

    /** A distinct seed offset for each dropout layer. */
    int nextDropoutIndex() {
        return ++dropoutLayers;
    }

    void addTrainingUpdate(Op update) {
        trainingUpdates.add(update);
    }

    public List<Op> trainingUpdates() {
        return List.copyOf(trainingUpdates);
    }

    /** Keras's {@code count_params()}: every trainable and non-trainable model weight. */
    public long parameterCount() {
        return weights.stream().filter(Weight::isModelWeight).mapToLong(Weight::size).sum();
    }

    /**
     * Gives every weight (model and optimizer) fresh values from its initialiser. Each weight draws
     * from its own generator derived from {@code seed} and its position, so the values do not depend
     * on the order the session runs the assignments in.
     */
    public void initialize(Session session, long seed) {
        SplittableRandom root = new SplittableRandom(seed);
        Map<Weight<T>, double[]> values = new LinkedHashMap<>();
        for (Weight<T> w : weights) {
            SplittableRandom random = root.split();
            values.put(w, w.initializer().sample(w.shape(), random));
        }
        assign(session, values);
    }

    /** Current values of the model weights (not the optimizer's), Keras's {@code get_weights()}. */
    public Map<Weight<T>, double[]> snapshot(Session session) {
        List<Weight<T>> model = weights.stream().filter(Weight::isModelWeight).toList();
        if (model.isEmpty()) {
            return new LinkedHashMap<>();
        }
        Session.Runner runner = session.runner();
        model.forEach(w -> runner.fetch(w.variable()));
        Map<Weight<T>, double[]> values = new LinkedHashMap<>();
        try (var result = runner.run()) {
            for (int i = 0; i < model.size(); i++) {
                values.put(model.get(i), toDoubles(result.get(i)));
            }
        }
        return values;
    }

    /** Sets weights to the given values, Keras's {@code set_weights()}. */
    public void assign(Session session, Map<Weight<T>, double[]> values) {
        if (values.isEmpty()) {
            return;
        }
        Session.Runner runner = session.runner();
        List<Tensor> tensors = new ArrayList<>();
        try {
            for (Map.Entry<Weight<T>, double[]> e : values.entrySet()) {
                Tensor t = tensor(Shape.of(e.getKey().shape()), e.getValue());
                tensors.add(t);
                runner.feed(e.getKey().valuePlaceholder(), t).addTarget(e.getKey().assignOp());
            }
            runner.run().close();
        } finally {
            tensors.forEach(Tensor::close);
        }
    }

    /** A tensor of the model's type. */
    public Tensor tensor(Shape shape, double[] values) {
        if (type == TFloat64.class) {
            return TFloat64.tensorOf(shape, DataBuffers.of(values, true, false));
        }
        float[] f = new float[values.length];
        for (int i = 0; i < f.length; i++) {
            f[i] = (float) values[i];
        }
        return TFloat32.tensorOf(shape, DataBuffers.of(f, true, false));
    }

    /** A tensor of the model's type from float data. */
    public Tensor tensor(Shape shape, float[] values) {
        if (type == TFloat32.class) {
            return TFloat32.tensorOf(shape, DataBuffers.of(values, true, false));
        }
        double[] d = new double[values.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = values[i];
        }
        return TFloat64.tensorOf(shape, DataBuffers.of(d, true, false));
    }

    /** A scalar tensor of the model's type. */
    public Tensor scalar(double value) {
        return type == TFloat64.class ? TFloat64.scalarOf(value) : TFloat32.scalarOf((float) value);
    }

    /** Reads a float32 or float64 tensor into doubles, row-major. */
    public static double[] toDoubles(Tensor tensor) {
        int n = Math.toIntExact(tensor.shape().size());
        double[] out = new double[n];
        if (tensor instanceof TFloat64 d) {
            d.copyTo(DataBuffers.of(out, false, false));
        } else if (tensor instanceof TFloat32 f) {
            float[] buf = new float[n];
            f.copyTo(DataBuffers.of(buf, false, false));
            for (int i = 0; i < n; i++) {
                out[i] = buf[i];
            }
        } else {
            throw new IllegalArgumentException("not a float tensor: " + tensor.dataType());
        }
        return out;
    }
}
