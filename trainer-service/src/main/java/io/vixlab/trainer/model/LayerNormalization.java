package io.vixlab.trainer.model;

import org.tensorflow.Operand;
import org.tensorflow.op.math.Mean;
import org.tensorflow.types.family.TFloating;

/** Keras {@code LayerNormalization()}: over the last axis, epsilon 1e-3, gamma ones, beta zeros. */
public final class LayerNormalization<T extends TFloating> extends Layer<T> implements SequenceLayer<T> {

    public static final double EPSILON = 1e-3;

    private final Weight<T> gamma;
    private final Weight<T> beta;

    public LayerNormalization(ModelContext<T> ctx, int features) {
        super(ctx, "layer_normalization");
        this.gamma = addWeight("gamma", new long[] {features}, Initializer.ones(), Weight.Kind.TRAINABLE);
        this.beta = addWeight("beta", new long[] {features}, Initializer.zeros(), Weight.Kind.TRAINABLE);
    }

    @Override
    public Operand<T> call(Operand<T> x, boolean training) {
        Operand<T> mean = tf.math.mean(x, tf.constant(-1), Mean.keepDims(true));
        Operand<T> centered = tf.math.sub(x, mean);
        Operand<T> variance = tf.math.mean(tf.math.square(centered), tf.constant(-1), Mean.keepDims(true));
        Operand<T> normalized = tf.math.mul(centered, tf.math.rsqrt(tf.math.add(variance, ctx.constant(EPSILON))));
        return tf.math.add(tf.math.mul(normalized, gamma.variable()), beta.variable());
    }
}
