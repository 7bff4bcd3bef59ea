package io.vixlab.trainer.model;

import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.op.core.Stack;
import org.tensorflow.op.core.Unstack;
import org.tensorflow.types.family.TFloating;

/**
 * Keras {@code LSTM(units, return_sequences)} with its defaults: tanh / sigmoid, kernel (in, 4u)
 * glorot-uniform, recurrent kernel (u, 4u) orthogonal, bias zeros with the forget gate at 1, gate
 * order i, f, c, o, zero initial state. Unrolled over the (static) number of steps.
 */
public final class Lstm<T extends TFloating> extends Layer<T> implements SequenceLayer<T> {

    private final int units;
    private final boolean returnSequences;
    private final Weight<T> kernel;
    private final Weight<T> recurrentKernel;
    private final Weight<T> bias;

    public Lstm(ModelContext<T> ctx, int in, int units, boolean returnSequences) {
        super(ctx, "lstm");
        this.units = units;
        this.returnSequences = returnSequences;
        this.kernel = addWeight("kernel", new long[] {in, 4L * units}, Initializer.glorotUniform(), Weight.Kind.TRAINABLE);
        this.recurrentKernel = addWeight("recurrent_kernel", new long[] {units, 4L * units},
                Initializer.orthogonal(), Weight.Kind.TRAINABLE);
        this.bias = addWeight("bias", new long[] {4L * units}, Initializer.lstmBias(units), Weight.Kind.TRAINABLE);
    }

    public int units() {
        return units;
    }

    public boolean returnSequences() {
        return returnSequences;
    }

    @Override
    public Operand<T> call(Operand<T> x, boolean training) {
        return run(x, false);
    }

    /**
     * Runs the sequence from its last step to its first ({@code go_backwards}). With return
     * sequences the outputs are given back in the input's time order, as Keras's Bidirectional
     * re-reverses its backward layer; otherwise the output after the first step is returned.
     */
    public Operand<T> callBackwards(Operand<T> x, boolean training) {
        return run(x, true);
    }

    private Operand<T> run(Operand<T> x, boolean backwards) {
        int steps = dim(x, 1);
        int in = dim(x, 2);
        // input projection for all steps at once: (batch * steps, in) x (in, 4u) + b
        Operand<T> flat = tf.reshape(x, tf.constant(new long[] {-1, in}));
        Operand<T> projected = tf.nn.biasAdd(tf.linalg.matMul(flat, kernel.variable()), bias.variable());
        Operand<T> sequence = tf.reshape(projected, tf.constant(new long[] {-1, steps, 4L * units}));
        List<Output<T>> inputs = tf.unstack(sequence, (long) steps, Unstack.axis(1L)).output();

        @SuppressWarnings("unchecked")
        Operand<T>[] outputs = new Operand[steps];
        Operand<T> h = null;
        Operand<T> c = null;
        for (int k = 0; k < steps; k++) {
            int t = backwards ? steps - 1 - k : k;
            Operand<T> z = inputs.get(t);
            if (h != null) {
                z = tf.math.add(z, tf.linalg.matMul(h, recurrentKernel.variable()));
            }
            List<Output<T>> gates = tf.split(tf.constant(1), z, 4L).output();
            Operand<T> i = tf.math.sigmoid(gates.get(0));
            Operand<T> f = tf.math.sigmoid(gates.get(1));
            Operand<T> g = tf.math.tanh(gates.get(2));
            Operand<T> o = tf.math.sigmoid(gates.get(3));
            Operand<T> ig = tf.math.mul(i, g);
            c = c == null ? ig : tf.math.add(tf.math.mul(f, c), ig);
            h = tf.math.mul(o, tf.math.tanh(c));
            outputs[t] = h;
        }
        if (!returnSequences) {
            return h;
        }
        List<Operand<T>> ordered = new ArrayList<>(List.of(outputs));
        return tf.stack(ordered, Stack.axis(1L));
    }
}
