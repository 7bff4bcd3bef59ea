package io.vixlab.report.comparison;

import io.vixlab.contracts.training.ModelResult;
import io.vixlab.contracts.training.Prediction;
import io.vixlab.contracts.training.TrialState;
import io.vixlab.report.stats.Forecast;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** Picks the final model of each architecture that a report shows. */
public final class FinalModels {

    private static final Comparator<ModelResult> LATEST = Comparator.comparingInt(ModelResult::attempt)
            .thenComparing(ModelResult::finishedAt, Comparator.nullsFirst(Comparator.naturalOrder()));

    private FinalModels() {
    }

    /**
     * The complete final of each architecture with the highest attempt (the latest if tied), by
     * architecture name; a complete final without metrics or predictions has nothing to show.
     */
    public static Map<String, ModelResult> latestComplete(List<ModelResult> finals) {
        return finals.stream()
                .filter(result -> result.state() == TrialState.COMPLETE)
                .filter(result -> result.metrics() != null || !predictions(result).isEmpty())
                .collect(Collectors.toMap(ModelResult::architecture, result -> result,
                        (a, b) -> LATEST.compare(a, b) >= 0 ? a : b, TreeMap::new));
    }

    /** The final result of each architecture with the highest attempt (the latest if tied), whatever its state. */
    public static Map<String, ModelResult> latest(List<ModelResult> finals) {
        return finals.stream().collect(Collectors.toMap(ModelResult::architecture, result -> result,
                (a, b) -> LATEST.compare(a, b) >= 0 ? a : b, TreeMap::new));
    }

    /** The test predictions of a final model, named by its architecture. */
    public static Forecast forecast(ModelResult result) {
        return new Forecast(result.architecture(), predictions(result));
    }

    private static List<Prediction> predictions(ModelResult result) {
        return result.predictions() == null ? List.of() : result.predictions();
    }
}
