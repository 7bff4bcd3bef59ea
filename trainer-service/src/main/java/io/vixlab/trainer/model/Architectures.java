package io.vixlab.trainer.model;

import io.vixlab.contracts.search.Architecture;
import java.util.List;
import java.util.Map;
import org.tensorflow.Operand;
import org.tensorflow.types.family.TFloating;

/**
 * The seed notebook's five builders ({@code build_basic_cnn_lstm} ... {@code
 * build_multiscale_cnn_lstm}) as layer stacks, built from a trial's parameters.
 */
public final class Architectures {

    private Architectures() {
    }

    /** Throws {@link InvalidTrialException} naming every parameter outside the architecture's space. */
    public static void validate(Architecture architecture, Map<String, ?> params) {
        List<String> problems = architecture.searchSpace().violations(params);
        if (!problems.isEmpty()) {
            throw new InvalidTrialException(problems.stream()
                    .map(p -> architecture.displayName() + ": " + p).toList());
        }
    }

    public static <T extends TFloating> Network<T> build(
            Architecture architecture, Map<String, ?> params, ModelContext<T> ctx, int steps, int features) {
        validate(architecture, params);
        P p = new P(params);
        return switch (architecture) {
            case BASIC_CNN_LSTM -> basic(ctx, features, p);
            case DEEP_CNN_LSTM -> deep(ctx, features, p);
            case BIDIRECTIONAL_CNN_LSTM -> bidirectional(ctx, features, p);
            case ATTENTION_CNN_LSTM -> new Attention<>(ctx, features, p);
            case MULTISCALE_CNN_LSTM -> new Multiscale<>(ctx, features, p);
        };
    }

    private record P(Map<String, ?> values) {
        int i(String name) {
            return ((Number) values.get(name)).intValue();
        }

        double d(String name) {
            return ((Number) values.get(name)).doubleValue();
        }
    }

    /** Conv(f1, 3, relu) - MaxPool(2) - Conv(f2, 3, relu) - LSTM(u1, seq) - Drop - LSTM(u2) - Drop - Dense(d, relu) - Dense(1). */
    private static <T extends TFloating> Network<T> basic(ModelContext<T> ctx, int features, P p) {
        int f1 = p.i("cnn_filters_1");
        int f2 = p.i("cnn_filters_2");
        int u1 = p.i("lstm_units_1");
        int u2 = p.i("lstm_units_2");
        int d = p.i("dense_units");
        double rate = p.d("dropout_rate");
        return new Sequential<>(List.of(
                new Conv1D<>(ctx, features, f1, 3, Activation.RELU),
                new MaxPooling1D<>(ctx, 2),
                new Conv1D<>(ctx, f1, f2, 3, Activation.RELU),
                new Lstm<>(ctx, f2, u1, true),
                new Dropout<>(ctx, rate),
                new Lstm<>(ctx, u1, u2, false),
                new Dropout<>(ctx, rate),
                new Dense<>(ctx, u2, d, Activation.RELU),
                new Dense<>(ctx, d, 1, Activation.LINEAR)));
    }

    /** Three Conv-BN(-Pool) blocks, three LSTMs with dropout, Dense(d1) - Drop(0.7 r) - Dense(d2) - Dense(1). */
    private static <T extends TFloating> Network<T> deep(ModelContext<T> ctx, int features, P p) {
        int f1 = p.i("cnn_filters_1");
        int f2 = p.i("cnn_filters_2");
        int f3 = p.i("cnn_filters_3");
        int u1 = p.i("lstm_units_1");
        int u2 = p.i("lstm_units_2");
        int u3 = p.i("lstm_units_3");
        int d1 = p.i("dense_units_1");
        int d2 = p.i("dense_units_2");
        double rate = p.d("dropout_rate");
        return new Sequential<>(List.of(
                new Conv1D<>(ctx, features, f1, 3, Activation.RELU),
                new BatchNormalization<>(ctx, f1),
                new MaxPooling1D<>(ctx, 2),
                new Conv1D<>(ctx, f1, f2, 3, Activation.RELU),
                new BatchNormalization<>(ctx, f2),
                new MaxPooling1D<>(ctx, 2),
                new Conv1D<>(ctx, f2, f3, 3, Activation.RELU),
                new BatchNormalization<>(ctx, f3),
                new Lstm<>(ctx, f3, u1, true),
                new Dropout<>(ctx, rate),
                new Lstm<>(ctx, u1, u2, true),
                new Dropout<>(ctx, rate),
                new Lstm<>(ctx, u2, u3, false),
                new Dropout<>(ctx, rate),
                new Dense<>(ctx, u3, d1, Activation.RELU),
                new Dropout<>(ctx, rate * 0.7),
                new Dense<>(ctx, d1, d2, Activation.RELU),
                new Dense<>(ctx, d2, 1, Activation.LINEAR)));
    }

    /** Conv - Pool - Conv - BiLSTM(u1, seq) - Drop - BiLSTM(u2) - Drop - Dense(d, relu) - Drop(0.7 r) - Dense(1). */
    private static <T extends TFloating> Network<T> bidirectional(ModelContext<T> ctx, int features, P p) {
        int f1 = p.i("cnn_filters_1");
        int f2 = p.i("cnn_filters_2");
        int u1 = p.i("lstm_units_1");
        int u2 = p.i("lstm_units_2");
        int d = p.i("dense_units");
        double rate = p.d("dropout_rate");
        return new Sequential<>(List.of(
                new Conv1D<>(ctx, features, f1, 3, Activation.RELU),
                new MaxPooling1D<>(ctx, 2),
                new Conv1D<>(ctx, f1, f2, 3, Activation.RELU),
                new Bidirectional<>(ctx, f2, u1, true),
                new Dropout<>(ctx, rate),
                new Bidirectional<>(ctx, 2 * u1, u2, false),
                new Dropout<>(ctx, rate),
                new Dense<>(ctx, 2 * u2, d, Activation.RELU),
                new Dropout<>(ctx, rate * 0.7),
                new Dense<>(ctx, d, 1, Activation.LINEAR)));
    }

    /**
     * Conv - Pool - Conv - LSTM(u, seq) - Drop = l; a = LayerNorm(MHA(l, l)); GAP(l + a) -
     * Dense(d, relu) - Drop - Dense(1).
     */
    private static final class Attention<T extends TFloating> implements Network<T> {
        private final Conv1D<T> conv1;
        private final MaxPooling1D<T> pool;
        private final Conv1D<T> conv2;
        private final Lstm<T> lstm;
        private final Dropout<T> lstmDropout;
        private final MultiHeadAttention<T> attention;
        private final LayerNormalization<T> norm;
        private final Add<T> add;
        private final GlobalAveragePooling1D<T> gap;
        private final Dense<T> dense;
        private final Dropout<T> denseDropout;
        private final Dense<T> out;

        Attention(ModelContext<T> ctx, int features, P p) {
            int f1 = p.i("cnn_filters_1");
            int f2 = p.i("cnn_filters_2");
            int u = p.i("lstm_units");
            int heads = p.i("attention_heads");
            int d = p.i("dense_units");
            double rate = p.d("dropout_rate");
            conv1 = new Conv1D<>(ctx, features, f1, 3, Activation.RELU);
            pool = new MaxPooling1D<>(ctx, 2);
            conv2 = new Conv1D<>(ctx, f1, f2, 3, Activation.RELU);
            lstm = new Lstm<>(ctx, f2, u, true);
            lstmDropout = new Dropout<>(ctx, rate);
            attention = new MultiHeadAttention<>(ctx, u, u, heads, u / heads);
            norm = new LayerNormalization<>(ctx, u);
            add = new Add<>(ctx);
            gap = new GlobalAveragePooling1D<>(ctx);
            dense = new Dense<>(ctx, u, d, Activation.RELU);
            denseDropout = new Dropout<>(ctx, rate);
            out = new Dense<>(ctx, d, 1, Activation.LINEAR);
        }

        @Override
        public Operand<T> forward(Operand<T> x, boolean training) {
            Operand<T> h = conv2.call(pool.call(conv1.call(x, training), training), training);
            Operand<T> lstmOut = lstmDropout.call(lstm.call(h, training), training);
            Operand<T> attended = norm.call(attention.call(lstmOut, lstmOut, training), training);
            Operand<T> pooled = gap.call(add.call(List.of(lstmOut, attended)), training);
            return out.call(denseDropout.call(dense.call(pooled, training), training), training);
        }
    }

    /**
     * Three Conv(relu) - Pool branches with kernels 3, 5, 7 on the input, concatenated; LSTM(u, seq)
     * - Drop - LSTM(u // 2) - Drop - Dense(d, relu) - Drop - Dense(1).
     */
    private static final class Multiscale<T extends TFloating> implements Network<T> {
        private final List<Conv1D<T>> branches;
        private final MaxPooling1D<T> pool;
        private final Concatenate<T> concat;
        private final List<SequenceLayer<T>> head;

        Multiscale(ModelContext<T> ctx, int features, P p) {
            int fs = p.i("filters_small");
            int fm = p.i("filters_medium");
            int fl = p.i("filters_large");
            int u = p.i("lstm_units");
            int d = p.i("dense_units");
            double rate = p.d("dropout_rate");
            branches = List.of(
                    new Conv1D<>(ctx, features, fs, 3, Activation.RELU),
                    new Conv1D<>(ctx, features, fm, 5, Activation.RELU),
                    new Conv1D<>(ctx, features, fl, 7, Activation.RELU));
            pool = new MaxPooling1D<>(ctx, 2);
            concat = new Concatenate<>(ctx);
            head = List.of(
                    new Lstm<>(ctx, fs + fm + fl, u, true),
                    new Dropout<>(ctx, rate),
                    new Lstm<>(ctx, u, u / 2, false),
                    new Dropout<>(ctx, rate),
                    new Dense<>(ctx, u / 2, d, Activation.RELU),
                    new Dropout<>(ctx, rate),
                    new Dense<>(ctx, d, 1, Activation.LINEAR));
        }

        @Override
        public Operand<T> forward(Operand<T> x, boolean training) {
            List<Operand<T>> scales = branches.stream().map(c -> pool.call(c.call(x, training), training)).toList();
            return sequential(head, concat.call(scales), training);
        }
    }

    /** Layers applied one after another, as Keras's {@code Sequential}. */
    private record Sequential<T extends TFloating>(List<SequenceLayer<T>> layers) implements Network<T> {
        @Override
        public Operand<T> forward(Operand<T> x, boolean training) {
            return sequential(layers, x, training);
        }
    }

    private static <T extends TFloating> Operand<T> sequential(List<SequenceLayer<T>> layers, Operand<T> x, boolean training) {
        Operand<T> h = x;
        for (SequenceLayer<T> layer : layers) {
            h = layer.call(h, training);
        }
        return h;
    }
}
