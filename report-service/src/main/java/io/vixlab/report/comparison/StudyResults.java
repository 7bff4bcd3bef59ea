package io.vixlab.report.comparison;

import io.vixlab.contracts.dataset.DatasetManifest;
import io.vixlab.contracts.training.ModelResult;
import io.vixlab.contracts.training.TrialResult;
import java.util.List;

/**
 * What a study has produced so far, as received; redelivered and re-attempted events may be among
 * them, the report keeps the latest attempt of each.
 *
 * @param status the study's lifecycle status as the report shows it (e.g. COMPLETED)
 */
public record StudyResults(
        String studyId,
        String status,
        DatasetManifest dataset,
        List<ModelResult> finals,
        List<TrialResult> trials) {

    public StudyResults {
        finals = List.copyOf(finals);
        trials = List.copyOf(trials);
    }
}
