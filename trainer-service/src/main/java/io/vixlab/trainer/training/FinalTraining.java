package io.vixlab.trainer.training;

import io.vixlab.trainer.model.CnnLstmModel;
import java.time.LocalDate;
import java.util.List;
import org.tensorflow.types.TFloat32;

/**
 * A final model trained on the training part with early stopping on its tail: the model (holding
 * the best epoch's weights; the caller predicts, exports and closes it) and its fit.
 */
public record FinalTraining(CnnLstmModel<TFloat32> model, FitResult fit, int trainCount, int validationCount)
        implements AutoCloseable {

    /**
     * Forecasts the (untouched) test part and scores it in VIX points and scaled units.
     *
     * @param test          the test windows with the dataset's scaled next closes as targets
     * @param previousClose each test window's previous VIX close, in points
     * @param dates         each test window's target date
     * @param encoding      how the model's outputs become forecasts in points
     */
    public Evaluation evaluate(Windows test, double[] previousClose, List<LocalDate> dates, TargetEncoding encoding) {
        double[] forecasts = encoding.toPoints(model.predict(test.x(), test.count()), previousClose);
        return Evaluation.of(forecasts, test.y(), previousClose, dates, encoding.scaler());
    }

    @Override
    public void close() {
        model.close();
    }
}
