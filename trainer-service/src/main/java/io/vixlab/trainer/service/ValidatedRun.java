package io.vixlab.trainer.service;

import io.vixlab.contracts.search.Architecture;
import io.vixlab.trainer.model.Architectures;
import io.vixlab.trainer.model.InvalidTrialException;
import java.time.Duration;
import java.util.Map;

/** A trial or final request whose architecture, parameters and dataset are known and valid. */
record ValidatedRun(Architecture architecture, TrainingData data) {

    /**
     * @throws RejectedRunException naming an unknown architecture, every parameter outside its
     *                              search space, or a dataset that did not arrive in {@code datasetWait}
     */
    static ValidatedRun of(String architectureName, Map<String, ?> params, String datasetId,
            DatasetCache datasets, Duration datasetWait) {
        Architecture architecture = Architecture.find(architectureName).orElseThrow(() -> new RejectedRunException(
                "unknown architecture " + architectureName + "; known: " + Architecture.displayNames()));
        try {
            Architectures.validate(architecture, params);
        } catch (InvalidTrialException e) {
            throw new RejectedRunException("parameters outside the search space: " + e.getMessage());
        }
        return new ValidatedRun(architecture, datasets.await(datasetId, datasetWait));
    }
}
