package io.vixlab.trainer.model;

import org.tensorflow.Operand;
import org.tensorflow.types.family.TFloating;

/**
 * Keras {@code BatchNormalization()} over the last axis: momentum 0.99, epsilon 1e-3, gamma ones,
 * beta zeros, moving mean zeros, moving variance ones. While training it normalises with the
 * batch's mean and (biased) variance over all other axes and, with every training step, moves the
 * moving statistics: {@code moving = moving * momentum + batch * (1 - momentum)}. At inference it
 * uses the moving statistics. The moving statistics are non-trainable weights and count as
 * parameters, as in Keras.
 */
public final class BatchNormalization<T extends TFloating> extends Layer<T> implements SequenceLayer<T> {

    public static final double MOMENTUM = 0.99;
    public static final double EPSILON = 1e-3;

    private final Weight<T> gamma;
    private final Weight<T> beta;
    private final Weight<T> movingMean;
    private final Weight<T> movingVariance;

    public BatchNormalization(ModelContext<T> ctx, int channels) {
        super(ctx, "batch_normalization");
        long[] shape = {channels};
        this.gamma = addWeight("gamma", shape, Initializer.ones(), Weight.Kind.TRAINABLE);
        this.beta = addWeight("beta", shape, Initializer.zeros(), Weight.Kind.TRAINABLE);
        this.movingMean = addWeight("moving_mean", shape, Initializer.zeros(), Weight.Kind.NON_TRAINABLE);
        this.movingVariance = addWeight("moving_variance", shape, Initializer.ones(), Weight.Kind.NON_TRAINABLE);
    }

    public Weight<T> movingMean() {
        return movingMean;
    }

    public Weight<T> movingVariance() {
        return movingVariance;
    }

    @Override
    public Operand<T> call(Operand<T> x, boolean training) {
        Operand<T> mean;
        Operand<T> variance;
        if (training) {
            int r = rank(x);
            int[] axes = new int[r - 1];
            for (int i = 0; i < axes.length; i++) {
                axes[i] = i;
            }
            mean = tf.math.mean(x, tf.constant(axes));
            variance = tf.math.mean(tf.math.squaredDifference(x, mean), tf.constant(axes));
            ctx.addTrainingUpdate(movingAverage(movingMean, mean));
            ctx.addTrainingUpdate(movingAverage(movingVariance, variance));
        } else {
            mean = movingMean.variable();
            variance = movingVariance.variable();
        }
        Operand<T> scale = tf.math.mul(tf.math.rsqrt(tf.math.add(variance, ctx.constant(EPSILON))), gamma.variable());
        return tf.math.add(tf.math.mul(tf.math.sub(x, mean), scale), beta.variable());
    }

    private org.tensorflow.op.Op movingAverage(Weight<T> moving, Operand<T> batchValue) {
        Operand<T> delta = tf.math.mul(tf.math.sub(moving.variable(), tf.stopGradient(batchValue)), ctx.constant(1 - MOMENTUM));
        return tf.assignSub(moving.variable(), delta);
    }
}
