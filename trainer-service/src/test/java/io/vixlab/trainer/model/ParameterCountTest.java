package io.vixlab.trainer.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vixlab.contracts.search.Architecture;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tensorflow.types.TFloat32;

/**
 * The built models have exactly as many parameters as Keras's {@code count_params()} for the same
 * layer stack, input width and parameters. Expected counts are the Keras formulas worked out by hand.
 */
class ParameterCountTest {

    private static final int STEPS = 30;

    // Keras per-layer parameter counts
    static long conv(int k, int in, int f) {
        return (long) k * in * f + f;
    }

    static long lstm(int in, int u) {
        return 4L * (u * (in + u) + u);
    }

    static long dense(int in, int out) {
        return (long) in * out + out;
    }

    static long batchNorm(int c) {
        return 4L * c; // gamma, beta, moving mean, moving variance
    }

    static long mha(int d, int h, int k) {
        return 3L * (d * h * k + h * k) + (long) h * k * d + d;
    }

    static long layerNorm(int d) {
        return 2L * d;
    }

    static long count(Architecture a, Map<String, Object> p, int features) {
        try (CnnLstmModel<TFloat32> model = CnnLstmModel.build(a, p, STEPS, features)) {
            return model.parameterCount();
        }
    }

    @Test
    void basicMatchesKerasForTwoConfigurations() {
        Map<String, Object> small = Map.of("cnn_filters_1", 32, "cnn_filters_2", 16, "lstm_units_1", 32,
                "lstm_units_2", 16, "dense_units", 8, "dropout_rate", 0.2, "learning_rate", 1e-3);
        // 1568 + 1552 + 6272 + 3136 + 136 + 9, summed by hand
        assertThat(count(Architecture.BASIC_CNN_LSTM, small, 16)).isEqualTo(12_673L);

        Map<String, Object> large = Map.of("cnn_filters_1", 96, "cnn_filters_2", 48, "lstm_units_1", 128,
                "lstm_units_2", 64, "dense_units", 24, "dropout_rate", 0.5, "learning_rate", 1e-2);
        long expected = conv(3, 9, 96) + conv(3, 96, 48) + lstm(48, 128) + lstm(128, 64) + dense(64, 24) + dense(24, 1);
        assertThat(count(Architecture.BASIC_CNN_LSTM, large, 9)).isEqualTo(expected);
    }

    @Test
    void deepMatchesKerasIncludingBatchNormStatistics() {
        Map<String, Object> small = Map.of("cnn_filters_1", 64, "cnn_filters_2", 32, "cnn_filters_3", 16,
                "lstm_units_1", 64, "lstm_units_2", 32, "lstm_units_3", 16, "dense_units_1", 16,
                "dense_units_2", 8, "dropout_rate", 0.2, "learning_rate", 1e-4);
        long expectedSmall = conv(3, 16, 64) + batchNorm(64) + conv(3, 64, 32) + batchNorm(32) + conv(3, 32, 16)
                + batchNorm(16) + lstm(16, 64) + lstm(64, 32) + lstm(32, 16) + dense(16, 16) + dense(16, 8) + dense(8, 1);
        assertThat(count(Architecture.DEEP_CNN_LSTM, small, 16)).isEqualTo(expectedSmall);

        Map<String, Object> large = Map.of("cnn_filters_1", 256, "cnn_filters_2", 96, "cnn_filters_3", 48,
                "lstm_units_1", 192, "lstm_units_2", 128, "lstm_units_3", 64, "dense_units_1", 64,
                "dense_units_2", 32, "dropout_rate", 0.6, "learning_rate", 1e-2);
        long expectedLarge = conv(3, 12, 256) + batchNorm(256) + conv(3, 256, 96) + batchNorm(96) + conv(3, 96, 48)
                + batchNorm(48) + lstm(48, 192) + lstm(192, 128) + lstm(128, 64) + dense(64, 64) + dense(64, 32)
                + dense(32, 1);
        assertThat(count(Architecture.DEEP_CNN_LSTM, large, 12)).isEqualTo(expectedLarge);
    }

    @Test
    void bidirectionalDoublesEachLstmAndItsOutputWidth() {
        Map<String, Object> a = Map.of("cnn_filters_1", 32, "cnn_filters_2", 16, "lstm_units_1", 32,
                "lstm_units_2", 16, "dense_units", 16, "dropout_rate", 0.1, "learning_rate", 1e-3);
        long expectedA = conv(3, 16, 32) + conv(3, 32, 16) + 2 * lstm(16, 32) + 2 * lstm(64, 16)
                + dense(32, 16) + dense(16, 1);
        assertThat(count(Architecture.BIDIRECTIONAL_CNN_LSTM, a, 16)).isEqualTo(expectedA);

        Map<String, Object> b = Map.of("cnn_filters_1", 128, "cnn_filters_2", 64, "lstm_units_1", 96,
                "lstm_units_2", 48, "dense_units", 64, "dropout_rate", 0.4, "learning_rate", 1e-2);
        long expectedB = conv(3, 7, 128) + conv(3, 128, 64) + 2 * lstm(64, 96) + 2 * lstm(192, 48)
                + dense(96, 64) + dense(64, 1);
        assertThat(count(Architecture.BIDIRECTIONAL_CNN_LSTM, b, 7)).isEqualTo(expectedB);
    }

    @Test
    void attentionMatchesKerasMultiHeadAttentionWithTruncatedKeyDim() {
        Map<String, Object> a = Map.of("cnn_filters_1", 32, "cnn_filters_2", 16, "lstm_units", 64,
                "attention_heads", 4, "dense_units", 16, "dropout_rate", 0.1, "learning_rate", 1e-3);
        long expectedA = conv(3, 16, 32) + conv(3, 32, 16) + lstm(16, 64) + mha(64, 4, 16) + layerNorm(64)
                + dense(64, 16) + dense(16, 1);
        assertThat(count(Architecture.ATTENTION_CNN_LSTM, a, 16)).isEqualTo(expectedA);

        // key_dim = 32 // 6 = 5: heads * key_dim = 30 != 32, the output projection maps back to 32
        Map<String, Object> b = Map.of("cnn_filters_1", 96, "cnn_filters_2", 48, "lstm_units", 32,
                "attention_heads", 6, "dense_units", 48, "dropout_rate", 0.3, "learning_rate", 1e-2);
        long expectedB = conv(3, 16, 96) + conv(3, 96, 48) + lstm(48, 32) + mha(32, 6, 5) + layerNorm(32)
                + dense(32, 48) + dense(48, 1);
        assertThat(count(Architecture.ATTENTION_CNN_LSTM, b, 16)).isEqualTo(expectedB);
        assertThat(mha(32, 6, 5)).isEqualTo(3 * (32 * 30 + 30) + 30 * 32 + 32);
    }

    @Test
    void multiscaleMatchesKerasWithThreeKernelSizesAndHalfWidthSecondLstm() {
        Map<String, Object> a = Map.of("filters_small", 16, "filters_medium", 32, "filters_large", 48,
                "lstm_units", 32, "dense_units", 16, "dropout_rate", 0.1, "learning_rate", 1e-3);
        long expectedA = conv(3, 16, 16) + conv(5, 16, 32) + conv(7, 16, 48) + lstm(96, 32) + lstm(32, 16)
                + dense(16, 16) + dense(16, 1);
        assertThat(count(Architecture.MULTISCALE_CNN_LSTM, a, 16)).isEqualTo(expectedA);

        Map<String, Object> b = Map.of("filters_small", 64, "filters_medium", 16, "filters_large", 64,
                "lstm_units", 96, "dense_units", 64, "dropout_rate", 0.5, "learning_rate", 1e-4);
        long expectedB = conv(3, 5, 64) + conv(5, 5, 16) + conv(7, 5, 64) + lstm(144, 96) + lstm(96, 48)
                + dense(48, 64) + dense(64, 1);
        assertThat(count(Architecture.MULTISCALE_CNN_LSTM, b, 5)).isEqualTo(expectedB);
    }

    @Test
    void aParameterOutsideTheSearchSpaceIsRejectedWithItsName() {
        Map<String, Object> p = new HashMap<>(Map.of("cnn_filters_1", 33, "cnn_filters_2", 16, "lstm_units_1", 32,
                "lstm_units_2", 16, "dense_units", 8, "dropout_rate", 0.2, "learning_rate", 1e-3));
        assertThatThrownBy(() -> CnnLstmModel.build(Architecture.BASIC_CNN_LSTM, p, STEPS, 16))
                .isInstanceOf(InvalidTrialException.class)
                .hasMessageContaining("cnn_filters_1");
        p.put("cnn_filters_1", 32);
        p.remove("dense_units");
        assertThatThrownBy(() -> CnnLstmModel.build(Architecture.BASIC_CNN_LSTM, p, STEPS, 16))
                .isInstanceOf(InvalidTrialException.class)
                .hasMessageContaining("dense_units is missing");
    }
}
