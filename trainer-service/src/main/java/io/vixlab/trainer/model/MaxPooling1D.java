package io.vixlab.trainer.model;

import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Squeeze;
import org.tensorflow.types.family.TFloating;

/** Keras {@code MaxPooling1D(pool_size)}, padding 'valid': floor(steps / pool) outputs. No weights. */
public final class MaxPooling1D<T extends TFloating> implements SequenceLayer<T> {

    private final Ops tf;
    private final int poolSize;

    public MaxPooling1D(ModelContext<T> ctx, int poolSize) {
        this.tf = ctx.tf();
        this.poolSize = poolSize;
    }

    @Override
    public Operand<T> call(Operand<T> x, boolean training) {
        Operand<T> image = tf.expandDims(x, tf.constant(1));
        int[] window = {1, 1, poolSize, 1};
        Operand<T> pooled = tf.nn.maxPool(image, tf.constant(window), tf.constant(window), "VALID");
        return tf.squeeze(pooled, Squeeze.axis(List.of(1L)));
    }
}
