package io.vixlab.trainer.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Every layer's symbolic gradient (inputs and trainable weights) against finite differences, float64. */
class LayerGradientTest {

    private static long[] s(long... dims) {
        return dims;
    }

    @Test
    void conv1dSamePaddingWithRelu() {
        var report = GradientChecker.check(List.of(s(2, 6, 3)),
                (ctx, in) -> new Conv1D<>(ctx, 3, 4, 3, Activation.RELU).call(in.get(0), true));
        assertThat(report.outputShape()).containsExactly(2, 6, 4);
        assertThat(report.tensorsChecked()).isEqualTo(3);
    }

    @Test
    void conv1dWithAWideLinearKernel() {
        var report = GradientChecker.check(List.of(s(2, 5, 2)),
                (ctx, in) -> new Conv1D<>(ctx, 2, 3, 7, Activation.LINEAR).call(in.get(0), true));
        assertThat(report.outputShape()).containsExactly(2, 5, 3);
    }

    @Test
    void maxPooling1dFloorsAnOddLength() {
        var report = GradientChecker.check(List.of(s(2, 7, 3)),
                (ctx, in) -> new MaxPooling1D<>(ctx, 2).call(in.get(0), true));
        assertThat(report.outputShape()).containsExactly(2, 3, 3);
    }

    @Test
    void lstmReturningSequences() {
        var report = GradientChecker.check(List.of(s(2, 5, 3)),
                (ctx, in) -> new Lstm<>(ctx, 3, 4, true).call(in.get(0), true));
        assertThat(report.outputShape()).containsExactly(2, 5, 4);
        assertThat(report.tensorsChecked()).isEqualTo(4);
    }

    @Test
    void lstmReturningTheLastState() {
        var report = GradientChecker.check(List.of(s(3, 4, 2)),
                (ctx, in) -> new Lstm<>(ctx, 2, 3, false).call(in.get(0), true));
        assertThat(report.outputShape()).containsExactly(3, 3);
    }

    @Test
    void bidirectionalLstmBothModes() {
        var seq = GradientChecker.check(List.of(s(2, 4, 3)),
                (ctx, in) -> new Bidirectional<>(ctx, 3, 2, true).call(in.get(0), true));
        assertThat(seq.outputShape()).containsExactly(2, 4, 4);
        assertThat(seq.tensorsChecked()).isEqualTo(7);
        var last = GradientChecker.check(List.of(s(2, 4, 3)),
                (ctx, in) -> new Bidirectional<>(ctx, 3, 2, false).call(in.get(0), true));
        assertThat(last.outputShape()).containsExactly(2, 4);
    }

    @Test
    void multiHeadSelfAttention() {
        var report = GradientChecker.check(List.of(s(2, 5, 6)), (ctx, in) ->
                new MultiHeadAttention<>(ctx, 6, 6, 2, 3).call(in.get(0), in.get(0), true));
        assertThat(report.outputShape()).containsExactly(2, 5, 6);
        assertThat(report.tensorsChecked()).isEqualTo(9);
    }

    @Test
    void multiHeadCrossAttentionWithTruncatedKeyDim() {
        // 4 heads of key_dim 1 on a width-6 query: the output projection restores width 6
        var report = GradientChecker.check(List.of(s(2, 3, 6), s(2, 4, 5)), (ctx, in) ->
                new MultiHeadAttention<>(ctx, 6, 5, 4, 1).call(in.get(0), in.get(1), true));
        assertThat(report.outputShape()).containsExactly(2, 3, 6);
    }

    @Test
    void layerNormalization() {
        var report = GradientChecker.check(List.of(s(2, 4, 5)),
                (ctx, in) -> new LayerNormalization<>(ctx, 5).call(in.get(0), true));
        assertThat(report.outputShape()).containsExactly(2, 4, 5);
    }

    @Test
    void batchNormalizationInTrainingModeThroughBatchStatistics() {
        var report = GradientChecker.check(List.of(s(4, 5, 3)),
                (ctx, in) -> new BatchNormalization<>(ctx, 3).call(in.get(0), true));
        assertThat(report.tensorsChecked()).isEqualTo(3);
    }

    @Test
    void batchNormalizationInInferenceMode() {
        var report = GradientChecker.check(List.of(s(4, 5, 3)),
                (ctx, in) -> new BatchNormalization<>(ctx, 3).call(in.get(0), false));
        assertThat(report.outputShape()).containsExactly(4, 5, 3);
    }

    @Test
    void dropoutInTrainingModeWithAFixedMask() {
        var report = GradientChecker.check(List.of(s(2, 5, 4)),
                (ctx, in) -> new Dropout<>(ctx, 0.3).call(in.get(0), true));
        assertThat(report.entriesChecked()).isPositive();
    }

    @Test
    void denseWithRelu() {
        var report = GradientChecker.check(List.of(s(3, 5)),
                (ctx, in) -> new Dense<>(ctx, 5, 4, Activation.RELU).call(in.get(0), true));
        assertThat(report.outputShape()).containsExactly(3, 4);
    }

    @Test
    void globalAveragePoolingConcatenateAndAdd() {
        assertThat(GradientChecker.check(List.of(s(2, 5, 3)),
                (ctx, in) -> new GlobalAveragePooling1D<>(ctx).call(in.get(0), true)).outputShape())
                .containsExactly(2, 3);
        assertThat(GradientChecker.check(List.of(s(2, 3, 2), s(2, 3, 4)),
                (ctx, in) -> new Concatenate<>(ctx).call(in)).outputShape())
                .containsExactly(2, 3, 6);
        assertThat(GradientChecker.check(List.of(s(2, 3, 4), s(2, 3, 4)),
                (ctx, in) -> new Add<>(ctx).call(in)).tensorsChecked())
                .isEqualTo(2);
    }
}
