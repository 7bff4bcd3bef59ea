package io.vixlab.trainer.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.Tensor;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Gradients;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat64;
import org.tensorflow.types.TInt64;

/**
 * Compares TensorFlow's symbolic gradients of L = sum(layer(inputs) * R), R random, with central
 * finite differences in float64, for the inputs and every trainable weight (weights perturbed away
 * from their Keras initial values so that biases and gammas are generic).
 */
final class GradientChecker {

    static final double EPS = 1e-6;
    static final double TOLERANCE = 1e-6;
    private static final int ENTRIES_PER_TENSOR = 8;

    interface Builder {
        Operand<TFloat64> build(ModelContext<TFloat64> ctx, List<Operand<TFloat64>> inputs);
    }

    /** What was checked: output shape and how many entries were compared. */
    record Report(long[] outputShape, int entriesChecked, int tensorsChecked) {
    }

    private GradientChecker() {
    }

    static Report check(List<long[]> inputShapes, Builder builder) {
        Random random = new Random(1234);
        try (Graph graph = new Graph()) {
            ModelContext<TFloat64> ctx = new ModelContext<>(graph, TFloat64.class);
            Ops tf = ctx.tf();
            List<Placeholder<TFloat64>> inputs = new ArrayList<>();
            for (long[] s : inputShapes) {
                inputs.add(tf.placeholder(TFloat64.class, Placeholder.shape(Shape.of(s))));
            }
            Operand<TFloat64> out = builder.build(ctx, new ArrayList<>(inputs));
            long[] outShape = out.shape().asArray();
            for (long d : outShape) {
                assertThat(d).as("static output shape %s", out.shape()).isPositive();
            }
            Placeholder<TFloat64> r = tf.placeholder(TFloat64.class, Placeholder.shape(Shape.of(outShape)));
            int[] axes = new int[outShape.length];
            for (int i = 0; i < axes.length; i++) {
                axes[i] = i;
            }
            Operand<TFloat64> loss = tf.sum(tf.math.mul(out, r), tf.constant(axes));
            List<Weight<TFloat64>> trainable = ctx.weights().stream()
                    .filter(w -> w.kind() == Weight.Kind.TRAINABLE).toList();
            List<Operand<?>> wrt = new ArrayList<>(inputs);
            trainable.forEach(w -> wrt.add(w.variable()));
            Gradients gradients = tf.gradients(loss, wrt);
            boolean dropout = graph.operation("dropout_seed") != null;

            try (Session session = new Session(graph)) {
                ctx.initialize(session, 11);
                Map<Weight<TFloat64>, double[]> weights = ctx.snapshot(session);
                for (Map.Entry<Weight<TFloat64>, double[]> e : weights.entrySet()) {
                    double[] v = e.getValue();
                    boolean variance = e.getKey().name().endsWith("moving_variance");
                    for (int i = 0; i < v.length; i++) {
                        v[i] = variance ? 0.5 + random.nextDouble() : v[i] + 0.3 * random.nextGaussian();
                    }
                }
                ctx.assign(session, weights);

                List<double[]> inputValues = new ArrayList<>();
                for (long[] s : inputShapes) {
                    inputValues.add(gaussian(random, Math.toIntExact(Shape.of(s).size())));
                }
                double[] rValues = gaussian(random, Math.toIntExact(Shape.of(outShape).size()));

                // symbolic
                List<double[]> symbolic = new ArrayList<>();
                try (Feeds feeds = new Feeds(ctx, inputs, inputShapes, inputValues, r, outShape, rValues, dropout)) {
                    Session.Runner runner = feeds.runner(session);
                    for (int i = 0; i < wrt.size(); i++) {
                        runner.fetch(gradients.dy(i));
                    }
                    try (Result result = runner.run()) {
                        for (int i = 0; i < wrt.size(); i++) {
                            symbolic.add(ModelContext.toDoubles(result.get(i)));
                        }
                    }
                }

                int checked = 0;
                for (int t = 0; t < wrt.size(); t++) {
                    double[] g = symbolic.get(t);
                    assertThat(maxAbs(g)).as("gradient %d is not identically zero", t).isGreaterThan(0);
                    for (int k = 0; k < Math.min(ENTRIES_PER_TENSOR, g.length); k++) {
                        int index = k == 0 ? argMaxAbs(g) : random.nextInt(g.length);
                        double plus;
                        double minus;
                        if (t < inputs.size()) {
                            double[] x = inputValues.get(t);
                            double keep = x[index];
                            x[index] = keep + EPS;
                            plus = evaluate(session, ctx, inputs, inputShapes, inputValues, r, outShape, rValues, dropout, loss);
                            x[index] = keep - EPS;
                            minus = evaluate(session, ctx, inputs, inputShapes, inputValues, r, outShape, rValues, dropout, loss);
                            x[index] = keep;
                        } else {
                            Weight<TFloat64> w = trainable.get(t - inputs.size());
                            double[] v = weights.get(w).clone();
                            double keep = v[index];
                            v[index] = keep + EPS;
                            ctx.assign(session, Map.of(w, v));
                            plus = evaluate(session, ctx, inputs, inputShapes, inputValues, r, outShape, rValues, dropout, loss);
                            v[index] = keep - EPS;
                            ctx.assign(session, Map.of(w, v));
                            minus = evaluate(session, ctx, inputs, inputShapes, inputValues, r, outShape, rValues, dropout, loss);
                            ctx.assign(session, Map.of(w, weights.get(w)));
                        }
                        double numeric = (plus - minus) / (2 * EPS);
                        String what = t < inputs.size() ? "input " + t : trainable.get(t - inputs.size()).name();
                        assertThat(g[index]).as("d/d %s[%d]", what, index)
                                .isCloseTo(numeric, org.assertj.core.data.Offset.offset(TOLERANCE * (1 + Math.abs(numeric))));
                        checked++;
                    }
                }
                return new Report(outShape, checked, wrt.size());
            }
        }
    }

    private static double evaluate(Session session, ModelContext<TFloat64> ctx, List<Placeholder<TFloat64>> inputs,
                                   List<long[]> shapes, List<double[]> values, Placeholder<TFloat64> r,
                                   long[] outShape, double[] rValues, boolean dropout, Operand<TFloat64> loss) {
        try (Feeds feeds = new Feeds(ctx, inputs, shapes, values, r, outShape, rValues, dropout);
             Result result = feeds.runner(session).fetch(loss).run()) {
            return ModelContext.toDoubles(result.get(0))[0];
        }
    }

    /** The tensors fed to one run. */
    private static final class Feeds implements AutoCloseable {
        private final List<Tensor> tensors = new ArrayList<>();
        private final Map<Operand<?>, Tensor> byOperand = new HashMap<>();

        Feeds(ModelContext<TFloat64> ctx, List<Placeholder<TFloat64>> inputs, List<long[]> shapes, List<double[]> values,
              Placeholder<TFloat64> r, long[] outShape, double[] rValues, boolean dropout) {
            for (int i = 0; i < inputs.size(); i++) {
                add(inputs.get(i), ctx.tensor(Shape.of(shapes.get(i)), values.get(i)));
            }
            add(r, ctx.tensor(Shape.of(outShape), rValues));
            if (dropout) {
                add(ctx.dropoutSeed(), TInt64.vectorOf(3, 5));
            }
        }

        private void add(Operand<?> op, Tensor t) {
            tensors.add(t);
            byOperand.put(op, t);
        }

        Session.Runner runner(Session session) {
            Session.Runner runner = session.runner();
            byOperand.forEach(runner::feed);
            return runner;
        }

        @Override
        public void close() {
            tensors.forEach(Tensor::close);
        }
    }

    static double[] gaussian(Random random, int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = random.nextGaussian();
        }
        return v;
    }

    private static double maxAbs(double[] v) {
        double m = 0;
        for (double d : v) {
            m = Math.max(m, Math.abs(d));
        }
        return m;
    }

    private static int argMaxAbs(double[] v) {
        int best = 0;
        for (int i = 1; i < v.length; i++) {
            if (Math.abs(v[i]) > Math.abs(v[best])) {
                best = i;
            }
        }
        return best;
    }
}
