package io.vixlab.trainer.model;

import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.family.TFloating;

/**
 * Keras {@code Bidirectional(LSTM(units, return_sequences))}, merge mode 'concat': a forward and a
 * backward LSTM with their own weights, outputs concatenated on the last axis (forward first).
 */
public final class Bidirectional<T extends TFloating> implements SequenceLayer<T> {

    private final Ops tf;
    private final Lstm<T> forward;
    private final Lstm<T> backward;

    public Bidirectional(ModelContext<T> ctx, int in, int units, boolean returnSequences) {
        this.tf = ctx.tf();
        this.forward = new Lstm<>(ctx, in, units, returnSequences);
        this.backward = new Lstm<>(ctx, in, units, returnSequences);
    }

    public Lstm<T> forward() {
        return forward;
    }

    public Lstm<T> backward() {
        return backward;
    }

    public long parameterCount() {
        return forward.parameterCount() + backward.parameterCount();
    }

    @Override
    public Operand<T> call(Operand<T> x, boolean training) {
        return tf.concat(List.of(forward.call(x, training), backward.callBackwards(x, training)), tf.constant(-1));
    }
}
