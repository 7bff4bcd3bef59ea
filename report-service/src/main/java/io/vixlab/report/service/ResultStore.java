package io.vixlab.report.service;

import io.quarkus.panache.common.Sort;
import io.vixlab.contracts.dataset.DatasetManifest;
import io.vixlab.contracts.market.MarketBar;
import io.vixlab.contracts.training.ModelResult;
import io.vixlab.contracts.training.TrainingProgress;
import io.vixlab.contracts.training.TrialResult;
import io.vixlab.report.baseline.BaselineInput.DailyClose;
import io.vixlab.report.persistence.DailyCloseEntity;
import io.vixlab.report.persistence.DatasetEntity;
import io.vixlab.report.persistence.ModelResultEntity;
import io.vixlab.report.persistence.TrainingProgressEntity;
import io.vixlab.report.persistence.TrialResultEntity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The events a report is built from, stored once each. Delivery is at least once, so each
 * {@code record} method recognises a redelivered event by its key (trial id + attempt, final id +
 * attempt, dataset id, run id + attempt + step, symbol + date) and returns whether it stored
 * anything. A channel's messages are handled one at a time, so looking before inserting suffices;
 * the unique constraints back it up.
 */
@ApplicationScoped
public class ResultStore {

    /** The symbol whose closes the baselines forecast and are fitted on. */
    public static final String VIX = "VIX";
    /**
     * The other symbol of a dataset: its days are those with a VIX and a VVIX bar, so the VVIX days
     * tell which VIX closes are the dataset's. Other symbols are not kept.
     */
    public static final String VVIX = "VVIX";

    @Transactional
    public boolean record(TrialResult result) {
        if (TrialResultEntity.count("trialId = ?1 and attempt = ?2", result.trialId(), result.attempt()) > 0) {
            return false;
        }
        TrialResultEntity.of(result).persist();
        return true;
    }

    @Transactional
    public boolean record(ModelResult result) {
        if (ModelResultEntity.count("finalId = ?1 and attempt = ?2", result.finalId(), result.attempt()) > 0) {
            return false;
        }
        ModelResultEntity.of(result).persist();
        return true;
    }

    @Transactional
    public boolean record(DatasetManifest manifest) {
        if (DatasetEntity.findById(manifest.datasetId()) != null) {
            return false;
        }
        DatasetEntity.of(manifest).persist();
        return true;
    }

    @Transactional
    public boolean record(TrainingProgress progress) {
        if (TrainingProgressEntity.count("runId = ?1 and attempt = ?2 and step = ?3", progress.runId(),
                progress.attempt(), progress.step()) > 0) {
            return false;
        }
        TrainingProgressEntity.of(progress).persist();
        return true;
    }

    /** Keeps a VIX or VVIX close; a bar ingested later for the same day (a correction) replaces it. */
    @Transactional
    public boolean record(MarketBar bar) {
        if (!VIX.equals(bar.symbol()) && !VVIX.equals(bar.symbol())) {
            return false;
        }
        DailyCloseEntity close = DailyCloseEntity.find("symbol = ?1 and date = ?2", bar.symbol(), bar.date())
                .firstResult();
        if (close == null) {
            close = new DailyCloseEntity();
        } else if (!bar.ingestedAt().isAfter(close.ingestedAt)) {
            return false;
        }
        close.apply(bar);
        close.persist();
        return true;
    }

    @Transactional
    public List<TrialResult> trials(String studyId) {
        return TrialResultEntity.<TrialResultEntity>list("studyId", Sort.by("id"), studyId).stream()
                .map(r -> r.event(TrialResult.class))
                .toList();
    }

    @Transactional
    public List<ModelResult> finals(String studyId) {
        return ModelResultEntity.<ModelResultEntity>list("studyId", Sort.by("id"), studyId).stream()
                .map(r -> r.event(ModelResult.class))
                .toList();
    }

    /** The architectures of a study that have a final result, complete or not. */
    @Transactional
    public List<String> architecturesWithFinals(String studyId) {
        return ModelResultEntity.getEntityManager()
                .createQuery("select distinct m.architecture from ModelResultEntity m where m.studyId = ?1", String.class)
                .setParameter(1, studyId)
                .getResultList();
    }

    @Transactional
    public Optional<DatasetManifest> dataset(String datasetId) {
        return DatasetEntity.<DatasetEntity>findByIdOptional(datasetId).map(r -> r.event(DatasetManifest.class));
    }

    @Transactional
    public List<TrainingProgress> progress(String studyId) {
        return TrainingProgressEntity.<TrainingProgressEntity>list("studyId", Sort.by("id"), studyId).stream()
                .map(TrainingProgressEntity::event)
                .toList();
    }

    /**
     * The VIX closes from {@code from} through {@code through} on the days that also have a VVIX
     * close, the days a dataset's rows are made of (feature-service's common trading days), in date order.
     */
    @Transactional
    public List<DailyClose> vixClosesOnCommonDays(LocalDate from, LocalDate through) {
        return DailyCloseEntity.getEntityManager()
                .createQuery("select v from DailyCloseEntity v where v.symbol = ?1 and v.date between ?2 and ?3"
                        + " and exists (select 1 from DailyCloseEntity w where w.symbol = ?4 and w.date = v.date)"
                        + " order by v.date", DailyCloseEntity.class)
                .setParameter(1, VIX)
                .setParameter(2, from)
                .setParameter(3, through)
                .setParameter(4, VVIX)
                .getResultStream()
                .map(c -> new DailyClose(c.date, c.close))
                .toList();
    }
}
