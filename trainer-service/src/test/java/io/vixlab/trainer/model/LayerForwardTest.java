package io.vixlab.trainer.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.Tensor;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat64;

/**
 * Forward semantics against plain-Java reference implementations of the Keras formulas (the
 * gradient checks only show that gradients match the graph; these show the graph computes what
 * Keras computes): Conv1D 'same', MaxPooling1D 'valid', LSTM gate order and forget bias,
 * Bidirectional alignment, MultiHeadAttention and LayerNormalization.
 */
class LayerForwardTest {

    private static final int B = 2;

    /** Builds a layer, gives its weights random values, runs it on random input. */
    private record Run(double[] x, double[] out, Map<String, double[]> weights, long[] outShape) {
    }

    private static Run run(long[] inShape, Function<ModelContext<TFloat64>, Function<Operand<TFloat64>, Operand<TFloat64>>> layer) {
        Random random = new Random(21);
        try (Graph g = new Graph()) {
            ModelContext<TFloat64> ctx = new ModelContext<>(g, TFloat64.class);
            Placeholder<TFloat64> in = ctx.tf().placeholder(TFloat64.class, Placeholder.shape(Shape.of(inShape)));
            Operand<TFloat64> out = ctx.tf().identity(layer.apply(ctx).apply(in));
            try (Session s = new Session(g)) {
                ctx.initialize(s, 5);
                Map<Weight<TFloat64>, double[]> w = ctx.snapshot(s);
                w.forEach((k, v) -> {
                    for (int i = 0; i < v.length; i++) {
                        v[i] += 0.3 * random.nextGaussian();
                    }
                });
                ctx.assign(s, w);
                double[] x = GradientChecker.gaussian(random, Math.toIntExact(Shape.of(inShape).size()));
                try (Tensor xt = ctx.tensor(Shape.of(inShape), x); Result r = s.runner().feed(in, xt).fetch(out).run()) {
                    Map<String, double[]> byName = new java.util.HashMap<>();
                    w.forEach((k, v) -> byName.put(k.name(), v));
                    return new Run(x, ModelContext.toDoubles(r.get(0)), byName, r.get(0).shape().asArray());
                }
            }
        }
    }

    private static Function<Operand<TFloat64>, Operand<TFloat64>> training(SequenceLayer<TFloat64> layer) {
        return x -> layer.call(x, true);
    }

    private static double sigmoid(double v) {
        return 1 / (1 + Math.exp(-v));
    }

    @Test
    void conv1dSamePadsSymmetricallyAndAppliesRelu() {
        int t = 6;
        int in = 3;
        int f = 4;
        int k = 5;
        Run r = run(new long[] {B, t, in}, ctx -> training(new Conv1D<>(ctx, in, f, k, Activation.RELU)));
        double[] kernel = r.weights().get("conv1d/kernel");
        double[] bias = r.weights().get("conv1d/bias");
        assertThat(r.outShape()).containsExactly(B, t, f);
        for (int b = 0; b < B; b++) {
            for (int s = 0; s < t; s++) {
                for (int o = 0; o < f; o++) {
                    double v = bias[o];
                    for (int j = 0; j < k; j++) {
                        int src = s + j - (k - 1) / 2;
                        if (src < 0 || src >= t) {
                            continue;
                        }
                        for (int c = 0; c < in; c++) {
                            v += r.x()[(b * t + src) * in + c] * kernel[(j * in + c) * f + o];
                        }
                    }
                    assertThat(r.out()[(b * t + s) * f + o]).isCloseTo(Math.max(0, v), within(1e-12));
                }
            }
        }
    }

    @Test
    void maxPoolingTakesPairsAndDropsAnOddLastStep() {
        Run r = run(new long[] {B, 5, 2}, ctx -> x -> new MaxPooling1D<>(ctx, 2).call(x, true));
        assertThat(r.outShape()).containsExactly(B, 2, 2);
        for (int b = 0; b < B; b++) {
            for (int s = 0; s < 2; s++) {
                for (int c = 0; c < 2; c++) {
                    double expected = Math.max(r.x()[(b * 5 + 2 * s) * 2 + c], r.x()[(b * 5 + 2 * s + 1) * 2 + c]);
                    assertThat(r.out()[(b * 2 + s) * 2 + c]).isEqualTo(expected);
                }
            }
        }
    }

    /** Keras LSTM cell, gates i, f, c, o; returns (batch, steps, units) outputs in processing order. */
    static double[] referenceLstm(double[] x, int t, int in, int u, double[] w, double[] uw, double[] bias, boolean backwards) {
        double[] out = new double[B * t * u];
        for (int b = 0; b < B; b++) {
            double[] h = new double[u];
            double[] c = new double[u];
            for (int step = 0; step < t; step++) {
                int s = backwards ? t - 1 - step : step;
                double[] z = new double[4 * u];
                for (int j = 0; j < 4 * u; j++) {
                    double v = bias[j];
                    for (int i = 0; i < in; i++) {
                        v += x[(b * t + s) * in + i] * w[i * 4 * u + j];
                    }
                    for (int i = 0; i < u; i++) {
                        v += h[i] * uw[i * 4 * u + j];
                    }
                    z[j] = v;
                }
                for (int j = 0; j < u; j++) {
                    double ig = sigmoid(z[j]);
                    double fg = sigmoid(z[u + j]);
                    double gg = Math.tanh(z[2 * u + j]);
                    double og = sigmoid(z[3 * u + j]);
                    c[j] = fg * c[j] + ig * gg;
                    h[j] = og * Math.tanh(c[j]);
                }
                System.arraycopy(h, 0, out, (b * t + step) * u, u);
            }
        }
        return out;
    }

    @Test
    void lstmMatchesTheKerasCell() {
        int t = 4;
        int in = 3;
        int u = 2;
        Run r = run(new long[] {B, t, in}, ctx -> training(new Lstm<>(ctx, in, u, true)));
        double[] expected = referenceLstm(r.x(), t, in, u, r.weights().get("lstm/kernel"),
                r.weights().get("lstm/recurrent_kernel"), r.weights().get("lstm/bias"), false);
        assertThat(r.out()).hasSize(expected.length);
        for (int i = 0; i < expected.length; i++) {
            assertThat(r.out()[i]).isCloseTo(expected[i], within(1e-12));
        }
    }

    @Test
    void bidirectionalConcatenatesForwardAndTimeAlignedBackwardOutputs() {
        int t = 4;
        int in = 3;
        int u = 2;
        Run seq = run(new long[] {B, t, in}, ctx -> training(new Bidirectional<>(ctx, in, u, true)));
        double[] fwd = referenceLstm(seq.x(), t, in, u, seq.weights().get("lstm/kernel"),
                seq.weights().get("lstm/recurrent_kernel"), seq.weights().get("lstm/bias"), false);
        double[] bwd = referenceLstm(seq.x(), t, in, u, seq.weights().get("lstm_1/kernel"),
                seq.weights().get("lstm_1/recurrent_kernel"), seq.weights().get("lstm_1/bias"), true);
        assertThat(seq.outShape()).containsExactly(B, t, 2 * u);
        for (int b = 0; b < B; b++) {
            for (int s = 0; s < t; s++) {
                for (int j = 0; j < u; j++) {
                    assertThat(seq.out()[(b * t + s) * 2 * u + j]).isCloseTo(fwd[(b * t + s) * u + j], within(1e-12));
                    // backward output at input step s was produced at processing step t - 1 - s
                    assertThat(seq.out()[(b * t + s) * 2 * u + u + j])
                            .isCloseTo(bwd[(b * t + (t - 1 - s)) * u + j], within(1e-12));
                }
            }
        }
        Run last = run(new long[] {B, t, in}, ctx -> training(new Bidirectional<>(ctx, in, u, false)));
        double[] fwdLast = referenceLstm(last.x(), t, in, u, last.weights().get("lstm/kernel"),
                last.weights().get("lstm/recurrent_kernel"), last.weights().get("lstm/bias"), false);
        double[] bwdLast = referenceLstm(last.x(), t, in, u, last.weights().get("lstm_1/kernel"),
                last.weights().get("lstm_1/recurrent_kernel"), last.weights().get("lstm_1/bias"), true);
        for (int b = 0; b < B; b++) {
            for (int j = 0; j < u; j++) {
                assertThat(last.out()[b * 2 * u + j]).isCloseTo(fwdLast[(b * t + t - 1) * u + j], within(1e-12));
                assertThat(last.out()[b * 2 * u + u + j]).isCloseTo(bwdLast[(b * t + t - 1) * u + j], within(1e-12));
            }
        }
    }

    @Test
    void multiHeadAttentionMatchesScaledDotProductAttentionPerHead() {
        int t = 3;
        int d = 4;
        int h = 2;
        int k = 3; // key_dim independent of d, as Keras allows
        Run r = run(new long[] {B, t, d}, ctx -> {
            MultiHeadAttention<TFloat64> mha = new MultiHeadAttention<>(ctx, d, d, h, k);
            return x -> mha.call(x, x, true);
        });
        Map<String, double[]> w = r.weights();
        double[] out = new double[B * t * d];
        for (int b = 0; b < B; b++) {
            double[][][] q = project(r.x(), b, t, d, h, k, w.get("multi_head_attention/query/kernel"), w.get("multi_head_attention/query/bias"));
            double[][][] kk = project(r.x(), b, t, d, h, k, w.get("multi_head_attention/key/kernel"), w.get("multi_head_attention/key/bias"));
            double[][][] v = project(r.x(), b, t, d, h, k, w.get("multi_head_attention/value/kernel"), w.get("multi_head_attention/value/bias"));
            double[] wo = w.get("multi_head_attention/attention_output/kernel");
            double[] bo = w.get("multi_head_attention/attention_output/bias");
            for (int s = 0; s < t; s++) {
                double[] row = bo.clone();
                for (int n = 0; n < h; n++) {
                    double[] scores = new double[t];
                    double max = Double.NEGATIVE_INFINITY;
                    for (int j = 0; j < t; j++) {
                        for (int c = 0; c < k; c++) {
                            scores[j] += q[s][n][c] * kk[j][n][c] / Math.sqrt(k);
                        }
                        max = Math.max(max, scores[j]);
                    }
                    double sum = 0;
                    for (int j = 0; j < t; j++) {
                        scores[j] = Math.exp(scores[j] - max);
                        sum += scores[j];
                    }
                    for (int c = 0; c < k; c++) {
                        double attended = 0;
                        for (int j = 0; j < t; j++) {
                            attended += scores[j] / sum * v[j][n][c];
                        }
                        for (int o = 0; o < d; o++) {
                            row[o] += attended * wo[(n * k + c) * d + o];
                        }
                    }
                }
                System.arraycopy(row, 0, out, (b * t + s) * d, d);
            }
        }
        for (int i = 0; i < out.length; i++) {
            assertThat(r.out()[i]).isCloseTo(out[i], within(1e-12));
        }
    }

    private static double[][][] project(double[] x, int b, int t, int d, int h, int k, double[] kernel, double[] bias) {
        double[][][] p = new double[t][h][k];
        for (int s = 0; s < t; s++) {
            for (int n = 0; n < h; n++) {
                for (int c = 0; c < k; c++) {
                    double v = bias[n * k + c];
                    for (int i = 0; i < d; i++) {
                        v += x[(b * t + s) * d + i] * kernel[(i * h + n) * k + c];
                    }
                    p[s][n][c] = v;
                }
            }
        }
        return p;
    }

    @Test
    void layerNormalizationNormalisesEachStepOverFeatures() {
        int t = 3;
        int d = 5;
        Run r = run(new long[] {B, t, d}, ctx -> training(new LayerNormalization<>(ctx, d)));
        double[] gamma = r.weights().get("layer_normalization/gamma");
        double[] beta = r.weights().get("layer_normalization/beta");
        for (int row = 0; row < B * t; row++) {
            double mean = 0;
            for (int i = 0; i < d; i++) {
                mean += r.x()[row * d + i] / d;
            }
            double var = 0;
            for (int i = 0; i < d; i++) {
                var += Math.pow(r.x()[row * d + i] - mean, 2) / d;
            }
            for (int i = 0; i < d; i++) {
                double expected = (r.x()[row * d + i] - mean) / Math.sqrt(var + 1e-3) * gamma[i] + beta[i];
                assertThat(r.out()[row * d + i]).isCloseTo(expected, within(1e-12));
            }
        }
    }

    @Test
    void layersNameTheirWeightsAsKerasDoes() {
        try (Graph g = new Graph()) {
            ModelContext<TFloat64> ctx = new ModelContext<>(g, TFloat64.class);
            assertThat(new Lstm<>(ctx, 2, 3, true).weights()).extracting(Weight::name)
                    .containsExactly("lstm/kernel", "lstm/recurrent_kernel", "lstm/bias");
            assertThat(new Lstm<>(ctx, 2, 3, true).name()).isEqualTo("lstm_1");
            assertThat(new BatchNormalization<>(ctx, 3).weights()).extracting(Weight::kind).containsExactly(
                    Weight.Kind.TRAINABLE, Weight.Kind.TRAINABLE, Weight.Kind.NON_TRAINABLE, Weight.Kind.NON_TRAINABLE);
            assertThat(List.of(new Dense<>(ctx, 3, 2, Activation.LINEAR).parameterCount())).containsExactly(8L);
        }
    }
}
