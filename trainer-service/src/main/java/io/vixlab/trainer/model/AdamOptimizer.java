package io.vixlab.trainer.model;

import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Gradients;
import org.tensorflow.types.family.TFloating;

/**
 * Keras's Adam (beta1 0.9, beta2 0.999, epsilon 1e-7) as TensorFlow's {@code ApplyAdam}, with the
 * learning rate fed on every step so that ReduceLROnPlateau can change it without rebuilding the
 * graph. Its state (first and second moments, beta powers) lives in {@link Weight.Kind#OPTIMIZER}
 * weights, so {@link ModelContext#initialize} resets it together with the model's weights.
 */
final class AdamOptimizer<T extends TFloating> {

    static final double BETA_1 = 0.9;
    static final double BETA_2 = 0.999;
    static final double EPSILON = 1e-7;

    private final Op minimize;

    AdamOptimizer(ModelContext<T> ctx, Operand<T> loss, Operand<T> learningRate, List<Op> alsoRun) {
        Ops tf = ctx.tf();
        List<Weight<T>> trainable = ctx.weights().stream().filter(w -> w.kind() == Weight.Kind.TRAINABLE).toList();
        Gradients gradients = tf.gradients(loss, trainable.stream().map(Weight::variable).toList());
        Weight<T> beta1Power = ctx.weight("adam/beta1_power", new long[0], Initializer.constant(BETA_1), Weight.Kind.OPTIMIZER);
        Weight<T> beta2Power = ctx.weight("adam/beta2_power", new long[0], Initializer.constant(BETA_2), Weight.Kind.OPTIMIZER);
        Operand<T> beta1 = ctx.constant(BETA_1);
        Operand<T> beta2 = ctx.constant(BETA_2);
        Operand<T> epsilon = ctx.constant(EPSILON);
        // Every gradient is computed before any weight changes: an update running while another
        // gradient op still reads that weight (e.g. a layer's input gradient reading its kernel)
        // would make steps depend on thread timing.
        List<Op> allGradients = new ArrayList<>();
        for (int i = 0; i < trainable.size(); i++) {
            allGradients.add(tf.identity(gradients.dy(i)));
        }
        Ops gated = tf.withControlDependencies(allGradients);
        List<Op> updates = new ArrayList<>();
        for (int i = 0; i < trainable.size(); i++) {
            Weight<T> w = trainable.get(i);
            Weight<T> m = ctx.weight("adam/" + w.name() + "/m", w.shape(), Initializer.zeros(), Weight.Kind.OPTIMIZER);
            Weight<T> v = ctx.weight("adam/" + w.name() + "/v", w.shape(), Initializer.zeros(), Weight.Kind.OPTIMIZER);
            Operand<T> grad = gradients.dy(i);
            updates.add(gated.train.applyAdam(w.variable(), m.variable(), v.variable(), beta1Power.variable(),
                    beta2Power.variable(), learningRate, beta1, beta2, epsilon, grad));
        }
        updates.addAll(alsoRun);
        Ops after = tf.withControlDependencies(updates);
        Op b1 = after.assign(beta1Power.variable(), after.math.mul(beta1Power.variable(), beta1));
        Op b2 = after.assign(beta2Power.variable(), after.math.mul(beta2Power.variable(), beta2));
        this.minimize = tf.withControlDependencies(List.of(b1, b2)).withName("train_step").noOp();
    }

    Op minimize() {
        return minimize;
    }
}
