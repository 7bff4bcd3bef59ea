package io.vixlab.trainer.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.vixlab.contracts.search.Architecture;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.Tensor;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Op;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TFloat64;
import org.tensorflow.types.TInt64;

/** Dropout and BatchNormalization behave differently in training and inference exactly as in Keras. */
class TrainingModeTest {

    private static final double RATE = 0.3;

    @Test
    void dropoutIsTheIdentityAtInferenceAndInvertedDropoutWhileTraining() {
        int n = 20_000;
        double[] x = new double[n];
        Random random = new Random(5);
        for (int i = 0; i < n; i++) {
            x[i] = 0.5 + random.nextDouble();
        }
        try (Graph g = new Graph()) {
            ModelContext<TFloat64> ctx = new ModelContext<>(g, TFloat64.class);
            Placeholder<TFloat64> in = ctx.tf().placeholder(TFloat64.class, Placeholder.shape(Shape.of(4, n / 4)));
            Dropout<TFloat64> dropout = new Dropout<>(ctx, RATE);
            Operand<TFloat64> train = dropout.call(in, true);
            Operand<TFloat64> infer = dropout.call(in, false);
            assertThat(infer).as("inference passes the input through untouched").isSameAs(in);
            try (Session s = new Session(g); Tensor xt = ctx.tensor(Shape.of(4, n / 4), x)) {
                double[] trained = run(s, train, in, xt, ctx, TInt64.vectorOf(1, 0));
                int dropped = 0;
                for (int i = 0; i < n; i++) {
                    if (trained[i] == 0) {
                        dropped++;
                    } else {
                        assertThat(trained[i]).isCloseTo(x[i] / (1 - RATE), within(1e-12));
                    }
                }
                assertThat(dropped / (double) n).isCloseTo(RATE, within(0.02));

                assertThat(run(s, train, in, xt, ctx, TInt64.vectorOf(1, 0)))
                        .as("same seed and step, same mask").containsExactly(trained);
                assertThat(run(s, train, in, xt, ctx, TInt64.vectorOf(1, 1)))
                        .as("next step, new mask").isNotEqualTo(trained);
            }
        }
    }

    @Test
    void twoDropoutLayersDrawDifferentMasksFromTheSameStepSeed() {
        try (Graph g = new Graph()) {
            ModelContext<TFloat64> ctx = new ModelContext<>(g, TFloat64.class);
            Placeholder<TFloat64> in = ctx.tf().placeholder(TFloat64.class, Placeholder.shape(Shape.of(1, 1000)));
            Operand<TFloat64> a = new Dropout<>(ctx, 0.5).call(in, true);
            Operand<TFloat64> b = new Dropout<>(ctx, 0.5).call(in, true);
            double[] ones = new double[1000];
            java.util.Arrays.fill(ones, 1.0);
            try (Session s = new Session(g); Tensor xt = ctx.tensor(Shape.of(1, 1000), ones)) {
                assertThat(run(s, a, in, xt, ctx, TInt64.vectorOf(9, 9)))
                        .isNotEqualTo(run(s, b, in, xt, ctx, TInt64.vectorOf(9, 9)));
            }
        }
    }

    @Test
    void batchNormalizationUsesBatchStatisticsWhileTrainingAndMovingStatisticsAtInference() {
        int batch = 8;
        int steps = 5;
        int channels = 3;
        int n = batch * steps * channels;
        double[] x = new double[n];
        Random random = new Random(9);
        for (int i = 0; i < n; i++) {
            x[i] = 3 + 2 * random.nextGaussian() + (i % channels);
        }
        double[] mean = new double[channels];
        double[] var = new double[channels];
        for (int i = 0; i < n; i++) {
            mean[i % channels] += x[i] / (batch * steps);
        }
        for (int i = 0; i < n; i++) {
            double d = x[i] - mean[i % channels];
            var[i % channels] += d * d / (batch * steps); // biased, as Keras
        }
        try (Graph g = new Graph()) {
            ModelContext<TFloat64> ctx = new ModelContext<>(g, TFloat64.class);
            Placeholder<TFloat64> in = ctx.tf().placeholder(TFloat64.class, Placeholder.shape(Shape.of(batch, steps, channels)));
            BatchNormalization<TFloat64> bn = new BatchNormalization<>(ctx, channels);
            Operand<TFloat64> train = bn.call(in, true);
            Operand<TFloat64> infer = bn.call(in, false);
            assertThat(ctx.trainingUpdates()).as("moving mean and variance updates").hasSize(2);
            try (Session s = new Session(g); Tensor xt = ctx.tensor(Shape.of(batch, steps, channels), x)) {
                ctx.initialize(s, 1);
                // training: normalised with the batch's own statistics
                double[] trained = run(s, train, in, xt, ctx, null);
                for (int i = 0; i < n; i++) {
                    int c = i % channels;
                    assertThat(trained[i]).isCloseTo((x[i] - mean[c]) / Math.sqrt(var[c] + 1e-3), within(1e-9));
                }
                // inference before any update: moving mean 0, variance 1
                double[] before = run(s, infer, in, xt, ctx, null);
                for (int i = 0; i < n; i++) {
                    assertThat(before[i]).isCloseTo(x[i] / Math.sqrt(1 + 1e-3), within(1e-9));
                }
                // evaluating the training output alone does not move the statistics
                run(s, train, in, xt, ctx, null);
                assertThat(run(s, infer, in, xt, ctx, null)).containsExactly(before);
                // one training update: moving = 0.99 * moving + 0.01 * batch
                Session.Runner runner = s.runner().feed(in, xt);
                for (Op update : ctx.trainingUpdates()) {
                    runner.addTarget(update);
                }
                runner.run().close();
                double[] movingMean = ModelContext.toDoubles(fetch(s, bn.movingMean().variable()));
                double[] movingVar = ModelContext.toDoubles(fetch(s, bn.movingVariance().variable()));
                for (int c = 0; c < channels; c++) {
                    assertThat(movingMean[c]).isCloseTo(0.01 * mean[c], within(1e-12));
                    assertThat(movingVar[c]).isCloseTo(0.99 + 0.01 * var[c], within(1e-12));
                }
                double[] after = run(s, infer, in, xt, ctx, null);
                for (int i = 0; i < n; i++) {
                    int c = i % channels;
                    assertThat(after[i]).isCloseTo((x[i] - movingMean[c]) / Math.sqrt(movingVar[c] + 1e-3), within(1e-9));
                }
            }
        }
    }

    @Test
    void deepModelPredictsDeterministicallyAtInferenceButNotWhileTraining() {
        Map<String, Object> p = Map.of("cnn_filters_1", 64, "cnn_filters_2", 32, "cnn_filters_3", 16,
                "lstm_units_1", 64, "lstm_units_2", 32, "lstm_units_3", 16, "dense_units_1", 16,
                "dense_units_2", 8, "dropout_rate", 0.5, "learning_rate", 1e-3);
        int count = 16;
        float[] x = new float[count * 30 * 4];
        Random random = new Random(3);
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) random.nextGaussian();
        }
        try (CnnLstmModel<TFloat32> model = CnnLstmModel.build(Architecture.DEEP_CNN_LSTM, p, 30, 4)) {
            model.initialize(7);
            assertThat(model.devices()).as("the traced pass names its device")
                    .isNotEmpty().anySatisfy(d -> assertThat(d).containsPattern("device:(CPU|GPU):0"));
            float[] first = model.predict(x, count);
            assertThat(model.predict(x, count)).containsExactly(first);
            float[] trainingA = model.predictTraining(x, count, 1, 0);
            float[] trainingB = model.predictTraining(x, count, 1, 1);
            assertThat(trainingA).as("dropout and batch statistics change the output").isNotEqualTo(first);
            assertThat(trainingB).as("a new dropout mask each step").isNotEqualTo(trainingA);
            assertThat(model.predictTraining(x, count, 1, 0)).containsExactly(trainingA);
            assertThat(model.predict(x, count)).as("predicting never moves the statistics").containsExactly(first);
        }
    }

    private static double[] run(Session s, Operand<TFloat64> out, Placeholder<TFloat64> in, Tensor x,
                                ModelContext<TFloat64> ctx, TInt64 seed) {
        Session.Runner runner = s.runner().feed(in, x);
        if (seed != null) {
            runner.feed(ctx.dropoutSeed(), seed);
        }
        try (Result r = runner.fetch(out).run()) {
            return ModelContext.toDoubles(r.get(0));
        } finally {
            if (seed != null) {
                seed.close();
            }
        }
    }

    private static Tensor fetch(Session s, Operand<?> op) {
        return s.runner().fetch(op).run().get(0);
    }
}
