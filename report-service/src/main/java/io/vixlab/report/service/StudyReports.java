package io.vixlab.report.service;

import io.vixlab.contracts.dataset.DatasetManifest;
import io.vixlab.contracts.report.StudyReport;
import io.vixlab.contracts.training.ModelResult;
import io.vixlab.contracts.training.Prediction;
import io.vixlab.contracts.tuning.StudyEvent;
import io.vixlab.report.baseline.BaselineInput.DailyClose;
import io.vixlab.report.baseline.BaselineInput;
import io.vixlab.report.comparison.StudyReportBuilder;
import io.vixlab.report.comparison.StudyResults;
import io.vixlab.report.comparison.TrialSettlement;
import io.vixlab.report.messaging.out.StudyReportPublisher;
import io.vixlab.report.persistence.StudyEntity;
import io.vixlab.report.persistence.StudyReportEntity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Builds study reports from the stored events and publishes each completed study's report once.
 *
 * <p>A study is complete when its COMPLETED lifecycle event has arrived, a final result for each
 * of its architectures, its dataset manifest and the VIX and VVIX closes of the dataset's days
 * (training and test part). These arrive on different topics in any order, so every arrival that may complete a study asks
 * {@link #publishIfComplete}; the study's row is locked while a report is built and published, so
 * that two arrivals handled at once cannot both publish.
 */
@ApplicationScoped
public class StudyReports {

    private static final Logger LOG = Logger.getLogger(StudyReports.class);

    private final ResultStore store;
    private final StudyReportPublisher publisher;
    private final Clock clock = Clock.systemUTC();
    private final StudyReportBuilder builder = new StudyReportBuilder(clock);

    public StudyReports(ResultStore store, StudyReportPublisher publisher) {
        this.store = store;
        this.publisher = publisher;
    }

    /**
     * The published report of a completed study, or a report built now from what has arrived so
     * far (partial while the study runs).
     *
     * @throws ReportUnavailableException if the study is unknown or its dataset or closes are missing
     */
    @Transactional
    public StudyReportView view(String studyId) {
        StudyEntity study = StudyEntity.findById(studyId);
        if (study == null) {
            throw new ReportUnavailableException("study " + studyId + " is unknown");
        }
        StudyResults results = results(study, dataset(study));
        StudyReportEntity published = StudyReportEntity.findById(studyId);
        StudyReport report = published != null ? published.event(StudyReport.class)
                : build(results, closes(results));
        return new StudyReportView(report, results, store.progress(studyId), study.architectureList(),
                published != null);
    }

    /**
     * Publishes the study's report if the study is complete and its report not yet published;
     * the cheap checks (status, finals) come before loading results.
     */
    @Transactional
    public boolean publishIfComplete(String studyId) {
        StudyEntity study = StudyEntity.findById(studyId, LockModeType.PESSIMISTIC_WRITE);
        if (study == null || study.status != StudyEvent.Status.COMPLETED || StudyReportEntity.findById(studyId) != null
                || !store.architecturesWithFinals(studyId).containsAll(study.architectureList())) {
            return false;
        }
        StudyReport report;
        try {
            StudyResults results = results(study, dataset(study));
            report = build(results, closes(results));
        } catch (ReportUnavailableException e) {
            LOG.debugf("study %s is completed but its report waits: %s", studyId, e.getMessage());
            return false;
        }
        publisher.publish(report);
        StudyReportEntity.published(report, clock.instant()).persist();
        LOG.infof("published the report of study %s (best: %s)", studyId, report.bestArchitecture());
        return true;
    }

    /**
     * Publishes the study's report again if a trial result that arrived after it was published
     * changes its rows or its architectures' trials. The tuner announces COMPLETED only after every
     * trial result, but this service reads results and lifecycle events from different topics, so a
     * lagging result can come after the report; consumers keep the latest report per study.
     */
    @Transactional
    public boolean republishIfChanged(String studyId) {
        StudyEntity study = StudyEntity.findById(studyId, LockModeType.PESSIMISTIC_WRITE);
        StudyReportEntity published = study == null ? null : StudyReportEntity.findById(studyId);
        if (published == null) {
            return false;
        }
        StudyResults results = results(study, dataset(study));
        StudyReport report = build(results, closes(results));
        StudyReport before = published.event(StudyReport.class);
        if (report.rows().equals(before.rows()) && report.architectures().equals(before.architectures())) {
            return false;
        }
        publisher.publish(report);
        published.republished(report, clock.instant());
        LOG.infof("published the report of study %s again: a trial result arrived after it", studyId);
        return true;
    }

    /** Publishes the reports of completed studies that were waiting for a dataset or closes. */
    public void publishWaiting() {
        for (String studyId : waitingStudies()) {
            publishIfComplete(studyId);
        }
    }

    @Transactional
    List<String> waitingStudies() {
        return StudyEntity.getEntityManager()
                .createQuery("select s.studyId from StudyEntity s where s.status = ?1 and not exists "
                        + "(select 1 from StudyReportEntity r where r.studyId = s.studyId)", String.class)
                .setParameter(1, StudyEvent.Status.COMPLETED)
                .getResultList();
    }

    /** The study's dataset; a study created with "latest" learns its id from its final results. */
    private DatasetManifest dataset(StudyEntity study) {
        String datasetId = study.datasetId != null ? study.datasetId
                : store.finals(study.studyId).stream().map(ModelResult::datasetId).filter(Objects::nonNull)
                        .findFirst().orElse(null);
        if (datasetId == null) {
            throw new ReportUnavailableException("study " + study.studyId + " names no dataset yet");
        }
        return store.dataset(datasetId).orElseThrow(() -> new ReportUnavailableException(
                "dataset " + datasetId + " has not arrived on features.datasets"));
    }

    /**
     * The VIX closes for the baselines: those of the dataset's days (the days with a VIX and a VVIX
     * close, from the dataset's first date), so that the baselines are fitted on the days the models
     * train on and forecast each test target from the same previous close. The test-period closes are
     * further kept on the final models' target dates only.
     */
    private BaselineInput closes(StudyResults results) {
        DatasetManifest dataset = results.dataset();
        Set<LocalDate> targets = results.finals().stream()
                .filter(f -> f.predictions() != null)
                .flatMap(f -> f.predictions().stream())
                .map(Prediction::date)
                .collect(Collectors.toSet());
        // Before any final model has predicted, every close of the test period stands in.
        List<DailyClose> closes = store.vixClosesOnCommonDays(dataset.firstDate(), dataset.lastDate()).stream()
                .filter(c -> targets.isEmpty() || c.date().isBefore(dataset.splitDate()) || targets.contains(c.date()))
                .toList();
        long training = closes.stream().filter(c -> c.date().isBefore(dataset.splitDate())).count();
        long test = closes.size() - training;
        if (test != dataset.testCount() || training < trainingDays(dataset)) {
            throw new ReportUnavailableException("closes of dataset " + dataset.datasetId() + ": " + test + " of "
                    + dataset.testCount() + " test days (" + dataset.splitDate() + " to " + dataset.lastDate()
                    + ") and " + training + " of " + trainingDays(dataset) + " training days (from "
                    + dataset.firstDate() + ") with a VIX and a VVIX close have arrived on market.bars");
        }
        return BaselineInput.between(closes, dataset.splitDate(), dataset.lastDate());
    }

    /**
     * The dataset's days before its split date: its training windows' days, from the first window's
     * first day to the last training target ({@code trainCount} windows of {@code sequenceLength}
     * days, each shifted by a day, and the {@code horizon} days to the last one's target).
     */
    private static long trainingDays(DatasetManifest dataset) {
        return (long) dataset.trainCount() + dataset.sequenceLength() + dataset.horizon() - 1;
    }

    private StudyResults results(StudyEntity study, DatasetManifest dataset) {
        return new StudyResults(study.studyId, study.status.name(), study.architectureList(), study.setup(), dataset,
                store.finals(study.studyId), TrialSettlement.apply(store.trials(study.studyId), study.settledTrials()),
                store.progress(study.studyId));
    }

    private StudyReport build(StudyResults results, BaselineInput closes) {
        try {
            return builder.build(results, closes);
        } catch (IllegalArgumentException e) {
            throw new ReportUnavailableException(e.getMessage());
        }
    }
}
