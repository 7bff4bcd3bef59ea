package io.vixlab.trainer.model;

import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.family.TFloating;

/** Keras {@code Add()}: element-wise sum of same-shaped inputs. */
public final class Add<T extends TFloating> {

    private final Ops tf;

    public Add(ModelContext<T> ctx) {
        this.tf = ctx.tf();
    }

    public Operand<T> call(List<Operand<T>> inputs) {
        Operand<T> sum = inputs.get(0);
        for (int i = 1; i < inputs.size(); i++) {
            sum = tf.math.add(sum, inputs.get(i));
        }
        return sum;
    }
}
