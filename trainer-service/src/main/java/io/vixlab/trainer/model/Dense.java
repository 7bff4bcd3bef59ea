package io.vixlab.trainer.model;

import org.tensorflow.Operand;
import org.tensorflow.types.family.TFloating;

/** Keras {@code Dense(units, activation)} on (batch, in): kernel glorot-uniform, bias zeros. */
public final class Dense<T extends TFloating> extends Layer<T> implements SequenceLayer<T> {

    private final Activation activation;
    private final Weight<T> kernel;
    private final Weight<T> bias;

    public Dense(ModelContext<T> ctx, int in, int units, Activation activation) {
        super(ctx, "dense");
        this.activation = activation;
        this.kernel = addWeight("kernel", new long[] {in, units}, Initializer.glorotUniform(), Weight.Kind.TRAINABLE);
        this.bias = addWeight("bias", new long[] {units}, Initializer.zeros(), Weight.Kind.TRAINABLE);
    }

    @Override
    public Operand<T> call(Operand<T> x, boolean training) {
        if (rank(x) != 2) {
            throw new IllegalArgumentException("Dense expects (batch, features), got " + x.shape());
        }
        return activation.apply(tf, tf.nn.biasAdd(tf.linalg.matMul(x, kernel.variable()), bias.variable()));
    }
}
