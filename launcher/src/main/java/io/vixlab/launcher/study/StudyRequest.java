package io.vixlab.launcher.study;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vixlab.contracts.search.Architecture;
import io.vixlab.launcher.cli.RunOptions;
import java.util.List;

/**
 * The body of tuner-service's {@code POST /api/studies} (its {@code StudySpec}) for a local run:
 * the budget ({@link StudyBudget#QUICK}, or {@link StudyBudget#FULL} with {@code --full}) with the
 * command line's overrides, TPE with median pruning (the seed's), one trial in flight per trainer.
 */
public final class StudyRequest {

    private StudyRequest() {
    }

    /** The budget the options ask for: the quick or the full one, with each given number replacing its default. */
    public static StudyBudget budget(RunOptions options) {
        StudyBudget b = options.full() ? StudyBudget.FULL : StudyBudget.QUICK;
        int epochs = or(options.epochs(), b.epochs());
        int finalEpochs = or(options.finalEpochs(), b.finalEpochs());
        return new StudyBudget(
                or(options.trials(), b.trialsPerArchitecture()),
                or(options.folds(), b.folds()),
                epochs,
                Math.min(b.earlyStoppingPatience(), epochs),
                Math.min(b.reduceLrPatience(), epochs),
                finalEpochs,
                Math.min(b.finalEarlyStoppingPatience(), finalEpochs),
                Math.min(b.finalReduceLrPatience(), finalEpochs),
                or(options.timeoutMinutes(), b.timeoutMinutesPerArchitecture()));
    }

    public static List<String> architectures(RunOptions options) {
        return options.architectures().isEmpty() ? Architecture.displayNames() : options.architectures();
    }

    /**
     * The JSON body.
     *
     * @param name      the study's name (shown in the report)
     * @param datasetId the dataset to tune on (the one the run waited for)
     */
    public static ObjectNode body(RunOptions options, String name, String datasetId) {
        StudyBudget b = budget(options);
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode body = f.objectNode();
        body.put("name", name);
        ArrayNode architectures = body.putArray("architectures");
        architectures(options).forEach(architectures::add);
        body.put("trialsPerArchitecture", b.trialsPerArchitecture());
        body.put("timeoutMinutesPerArchitecture", b.timeoutMinutesPerArchitecture());
        body.put("sampler", "tpe");
        body.put("pruner", "median");
        body.put("parallelism", options.trainers());
        body.put("target", options.target().specName());
        ObjectNode training = body.putObject("training");
        training.put("epochs", b.epochs());
        training.put("folds", b.folds());
        training.put("batchSize", 32);
        training.put("earlyStoppingPatience", b.earlyStoppingPatience());
        training.put("reduceLrPatience", b.reduceLrPatience());
        ObjectNode finalTraining = body.putObject("finalTraining");
        finalTraining.put("epochs", b.finalEpochs());
        finalTraining.put("batchSize", 32);
        finalTraining.put("earlyStoppingPatience", b.finalEarlyStoppingPatience());
        finalTraining.put("reduceLrPatience", b.finalReduceLrPatience());
        if (datasetId != null) {
            body.put("datasetId", datasetId);
        }
        return body;
    }

    private static int or(Integer value, int fallback) {
        return value == null ? fallback : value;
    }
}
