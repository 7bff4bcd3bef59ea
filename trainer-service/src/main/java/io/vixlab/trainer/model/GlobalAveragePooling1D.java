package io.vixlab.trainer.model;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.family.TFloating;

/** Keras {@code GlobalAveragePooling1D}: mean over the steps axis. */
public final class GlobalAveragePooling1D<T extends TFloating> implements SequenceLayer<T> {

    private final Ops tf;

    public GlobalAveragePooling1D(ModelContext<T> ctx) {
        this.tf = ctx.tf();
    }

    @Override
    public Operand<T> call(Operand<T> x, boolean training) {
        return tf.math.mean(x, tf.constant(1));
    }
}
