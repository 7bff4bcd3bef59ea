package io.vixlab.trainer.model;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TInt64;
import org.tensorflow.types.family.TFloating;

/**
 * Keras {@code Dropout(rate)}: while training, zeroes each element with probability {@code rate}
 * and scales the rest by 1 / (1 - rate) (inverted dropout); at inference the identity. The mask
 * comes from a stateless generator seeded by the step's fed seed plus this layer's offset, so a
 * run is reproducible.
 */
public final class Dropout<T extends TFloating> implements SequenceLayer<T> {

    private final ModelContext<T> ctx;
    private final Ops tf;
    private final double rate;
    private final int index;

    public Dropout(ModelContext<T> ctx, double rate) {
        if (!(rate >= 0 && rate < 1)) {
            throw new IllegalArgumentException("dropout rate must be in [0, 1), got " + rate);
        }
        this.ctx = ctx;
        this.tf = ctx.tf();
        this.rate = rate;
        this.index = ctx.nextDropoutIndex();
    }

    public double rate() {
        return rate;
    }

    @Override
    public Operand<T> call(Operand<T> x, boolean training) {
        if (!training || rate == 0) {
            return x;
        }
        Operand<TInt64> seed = tf.math.add(ctx.dropoutSeed(), tf.constant(new long[] {0, (long) index << 40}));
        Operand<T> uniform = tf.random.statelessRandomUniform(tf.shape(x), seed, ctx.type());
        Operand<T> keep = tf.dtypes.cast(tf.math.greaterEqual(uniform, ctx.constant(rate)), ctx.type());
        return tf.math.mul(tf.math.mul(x, ctx.constant(1.0 / (1.0 - rate))), keep);
    }
}
