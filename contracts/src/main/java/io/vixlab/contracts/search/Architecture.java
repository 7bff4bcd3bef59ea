package io.vixlab.contracts.search;

import io.vixlab.contracts.search.ParamSpec.FloatParam;
import io.vixlab.contracts.search.ParamSpec.IntParam;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The seed notebook's five CNN-LSTM variants and their search spaces, exactly as its
 * {@code build_*_cnn_lstm} functions suggest them (ranges, steps, log scales and order). Shared by
 * the tuner, which samples from them, and the trainer, which rejects trials outside them.
 */
public enum Architecture {

    BASIC_CNN_LSTM("Basic_CNN_LSTM", List.of(
            new IntParam("cnn_filters_1", 32, 128, 32),
            new IntParam("cnn_filters_2", 16, 64, 16),
            new IntParam("lstm_units_1", 32, 128, 32),
            new IntParam("lstm_units_2", 16, 64, 16),
            new IntParam("dense_units", 8, 32, 8),
            new FloatParam("dropout_rate", 0.1, 0.5, false),
            new FloatParam("learning_rate", 1e-4, 1e-2, true))),

    DEEP_CNN_LSTM("Deep_CNN_LSTM", List.of(
            new IntParam("cnn_filters_1", 64, 256, 64),
            new IntParam("cnn_filters_2", 32, 128, 32),
            new IntParam("cnn_filters_3", 16, 64, 16),
            new IntParam("lstm_units_1", 64, 256, 64),
            new IntParam("lstm_units_2", 32, 128, 32),
            new IntParam("lstm_units_3", 16, 64, 16),
            new IntParam("dense_units_1", 16, 64, 16),
            new IntParam("dense_units_2", 8, 32, 8),
            new FloatParam("dropout_rate", 0.2, 0.6, false),
            new FloatParam("learning_rate", 1e-4, 1e-2, true))),

    BIDIRECTIONAL_CNN_LSTM("Bidirectional_CNN_LSTM", List.of(
            new IntParam("cnn_filters_1", 32, 128, 32),
            new IntParam("cnn_filters_2", 16, 64, 16),
            new IntParam("lstm_units_1", 32, 128, 32),
            new IntParam("lstm_units_2", 16, 64, 16),
            new IntParam("dense_units", 16, 64, 16),
            new FloatParam("dropout_rate", 0.1, 0.5, false),
            new FloatParam("learning_rate", 1e-4, 1e-2, true))),

    ATTENTION_CNN_LSTM("Attention_CNN_LSTM", List.of(
            new IntParam("cnn_filters_1", 32, 128, 32),
            new IntParam("cnn_filters_2", 16, 64, 16),
            new IntParam("lstm_units", 32, 128, 32),
            new IntParam("attention_heads", 2, 8, 2),
            new IntParam("dense_units", 16, 64, 16),
            new FloatParam("dropout_rate", 0.1, 0.5, false),
            new FloatParam("learning_rate", 1e-4, 1e-2, true))),

    MULTISCALE_CNN_LSTM("Multiscale_CNN_LSTM", List.of(
            new IntParam("filters_small", 16, 64, 16),
            new IntParam("filters_medium", 16, 64, 16),
            new IntParam("filters_large", 16, 64, 16),
            new IntParam("lstm_units", 32, 128, 32),
            new IntParam("dense_units", 16, 64, 16),
            new FloatParam("dropout_rate", 0.1, 0.5, false),
            new FloatParam("learning_rate", 1e-4, 1e-2, true)));

    private final String displayName;
    private final SearchSpace searchSpace;

    Architecture(String displayName, List<ParamSpec> params) {
        this.displayName = displayName;
        this.searchSpace = new SearchSpace(displayName, params);
    }

    /** The seed's name, e.g. {@code Basic_CNN_LSTM}: what appears in events and reports. */
    public String displayName() {
        return displayName;
    }

    public SearchSpace searchSpace() {
        return searchSpace;
    }

    /** Looks an architecture up by its seed name or enum name, case-insensitively. */
    public static Optional<Architecture> find(String name) {
        return Arrays.stream(values())
                .filter(a -> a.displayName.equalsIgnoreCase(name) || a.name().equalsIgnoreCase(name))
                .findFirst();
    }

    public static List<String> displayNames() {
        return Arrays.stream(values()).map(Architecture::displayName).toList();
    }
}
