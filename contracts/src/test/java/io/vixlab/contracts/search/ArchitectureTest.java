package io.vixlab.contracts.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

    @Test
    void fiveSeedArchitecturesFoundBySeedName() {
        assertThat(Architecture.displayNames()).containsExactly("Basic_CNN_LSTM", "Deep_CNN_LSTM",
                "Bidirectional_CNN_LSTM", "Attention_CNN_LSTM", "Multiscale_CNN_LSTM");
        assertThat(Architecture.find("attention_cnn_lstm")).contains(Architecture.ATTENTION_CNN_LSTM);
        assertThat(Architecture.find("Transformer")).isEmpty();
    }

    @Test
    void deepSpaceHasTheSeedsTenParameters() {
        assertThat(Architecture.DEEP_CNN_LSTM.searchSpace().params()).hasSize(10);
        assertThat(Architecture.DEEP_CNN_LSTM.searchSpace().byName().get("cnn_filters_1"))
                .isEqualTo(new ParamSpec.IntParam("cnn_filters_1", 64, 256, 64));
        assertThat(Architecture.BASIC_CNN_LSTM.searchSpace().byName().get("learning_rate"))
                .isEqualTo(new ParamSpec.FloatParam("learning_rate", 1e-4, 1e-2, true));
    }

    @Test
    void violationsNameEachBadParameter() {
        Map<String, Object> params = new HashMap<>(Map.of(
                "cnn_filters_1", 48, // off the step of 32
                "cnn_filters_2", 16,
                "lstm_units_1", 32,
                "dense_units", 8,
                "dropout_rate", 0.9, // above 0.5
                "learning_rate", 1e-3,
                "bogus", 1));
        assertThat(Architecture.BASIC_CNN_LSTM.searchSpace().violations(params)).containsExactly(
                "cnn_filters_1 must be in [32, 128] with step 32, got 48",
                "lstm_units_2 is missing",
                "dropout_rate must be in [0.1, 0.5], got 0.9",
                "bogus is not a parameter of Basic_CNN_LSTM");
    }
}
