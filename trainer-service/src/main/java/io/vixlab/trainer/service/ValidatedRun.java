package io.vixlab.trainer.service;

import io.vixlab.contracts.search.Architecture;
import io.vixlab.contracts.tuning.TrainingLimits;
import io.vixlab.contracts.tuning.TrainingSettings;
import io.vixlab.trainer.model.Architectures;
import io.vixlab.trainer.model.InvalidTrialException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** A trial or final request whose architecture, parameters, settings and dataset are known and valid. */
record ValidatedRun(Architecture architecture, TrainingData data) {

    /**
     * Checks what can be checked at once before waiting for the dataset, so that a run that can
     * never train is answered within moments.
     *
     * @throws RejectedRunException naming an unknown architecture, every parameter outside its
     *                              search space, every setting outside the {@link TrainingLimits},
     *                              or a dataset that is unknown or did not arrive in {@code datasetWait}
     */
    static ValidatedRun of(String architectureName, Map<String, ?> params, TrainingSettings settings,
            TrainingLimits.Purpose purpose, String datasetId, DatasetCache datasets, Duration datasetWait) {
        Architecture architecture = Architecture.find(architectureName).orElseThrow(() -> new RejectedRunException(
                "unknown architecture " + architectureName + "; known: " + Architecture.displayNames()));
        try {
            Architectures.validate(architecture, params);
        } catch (InvalidTrialException e) {
            throw new RejectedRunException("parameters outside the search space: " + e.getMessage());
        }
        List<TrainingLimits.Violation> outside = TrainingLimits.violations(settings, purpose);
        if (!outside.isEmpty()) {
            throw new RejectedRunException("training settings outside the limits: "
                    + outside.stream().map(TrainingLimits.Violation::toString).collect(Collectors.joining("; ")));
        }
        return new ValidatedRun(architecture, datasets.await(datasetId, datasetWait));
    }
}
