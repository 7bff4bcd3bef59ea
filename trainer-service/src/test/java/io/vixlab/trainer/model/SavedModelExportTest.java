package io.vixlab.trainer.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.vixlab.contracts.search.Architecture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.Result;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.types.TFloat32;

/** A trained model exported as a SavedModel reproduces its predictions when loaded in a fresh session. */
class SavedModelExportTest {

    @Test
    void exportedDeepModelReproducesPredictionsIncludingBatchNormStatistics(@TempDir Path dir) throws Exception {
        Map<String, Object> p = Map.of("cnn_filters_1", 64, "cnn_filters_2", 32, "cnn_filters_3", 16,
                "lstm_units_1", 64, "lstm_units_2", 32, "lstm_units_3", 16, "dense_units_1", 16,
                "dense_units_2", 8, "dropout_rate", 0.3, "learning_rate", 1e-3);
        int steps = 30;
        int features = 5;
        int count = 40;
        Random random = new Random(4);
        float[] x = new float[count * steps * features];
        float[] y = new float[count];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) random.nextGaussian();
        }
        for (int i = 0; i < count; i++) {
            y[i] = (float) random.nextGaussian();
        }
        Path export = dir.resolve("model");
        float[] expected;
        float[] untrained;
        try (CnnLstmModel<TFloat32> model = CnnLstmModel.build(Architecture.DEEP_CNN_LSTM, p, steps, features)) {
            model.initialize(1);
            untrained = model.predict(x, count);
            for (int step = 0; step < 5; step++) {
                model.trainStep(x, y, count, 1e-3, 1, step);
            }
            expected = model.predict(x, count);
            model.export(export);
        }
        assertThat(expected).as("training changed the model").isNotEqualTo(untrained);
        assertThat(Files.exists(export.resolve("saved_model.pb"))).isTrue();
        assertThat(Files.isDirectory(export.resolve("variables"))).isTrue();

        try (SavedModelBundle bundle = SavedModelBundle.load(export.toString(), SavedModelBundle.DEFAULT_TAG);
             TFloat32 input = TFloat32.tensorOf(Shape.of(count, steps, features), DataBuffers.of(x));
             Result result = bundle.function(CnnLstmModel.SIGNATURE_KEY).call(Map.of(CnnLstmModel.INPUT_NAME, input))) {
            double[] loaded = ModelContext.toDoubles(result.get(CnnLstmModel.OUTPUT_NAME).orElseThrow());
            assertThat(loaded).hasSize(count);
            for (int i = 0; i < count; i++) {
                assertThat(loaded[i]).isCloseTo(expected[i], within(1e-6));
            }
        }
    }
}
