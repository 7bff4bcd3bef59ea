package io.vixlab.report.comparison;

import io.vixlab.contracts.dataset.DatasetManifest;
import io.vixlab.contracts.training.ModelResult;
import io.vixlab.contracts.training.TrainingProgress;
import io.vixlab.contracts.training.TrialResult;
import io.vixlab.contracts.tuning.StudySetup;
import java.util.List;

/**
 * What a study has produced so far, as received; redelivered and re-attempted events may be among
 * them, the report keeps the latest attempt of each.
 *
 * @param status        the study's lifecycle status as the report shows it (e.g. COMPLETED)
 * @param architectures the architectures the study planned, in the study's order
 * @param setup         the study's budget, sampler and settings; null when its events did not carry them
 * @param progress      the epochs reported on {@code training.progress}, of trials and finals
 */
public record StudyResults(
        String studyId,
        String status,
        List<String> architectures,
        StudySetup setup,
        DatasetManifest dataset,
        List<ModelResult> finals,
        List<TrialResult> trials,
        List<TrainingProgress> progress) {

    public StudyResults {
        architectures = List.copyOf(architectures);
        finals = List.copyOf(finals);
        trials = List.copyOf(trials);
        progress = List.copyOf(progress);
    }
}
