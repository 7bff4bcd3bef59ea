package io.vixlab.report.service;

import io.vixlab.contracts.tuning.StudyEvent;
import io.vixlab.report.persistence.StudyRecord;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;

/**
 * Keeps the report service's view of each study's lifecycle. Delivery is at least once and
 * partitions may reorder across restarts, so an event older than (or as old as) the last one
 * applied is ignored.
 */
@ApplicationScoped
public class StudyTracker {

    /** Applies a lifecycle event; returns whether it changed anything. */
    @Transactional
    public boolean apply(StudyEvent event) {
        StudyRecord study = StudyRecord.findById(event.studyId());
        if (study == null) {
            study = new StudyRecord();
            study.studyId = event.studyId();
            study.architectures = String.join(",", event.architectures());
            study.trialsPerArchitecture = event.trialsPerArchitecture();
            study.datasetId = event.datasetId();
            study.createdAt = event.at();
            study.name = event.status() == StudyEvent.Status.CREATED ? event.detail() : null;
            study.status = event.status();
            study.lastEventAt = event.at();
            study.persist();
            return true;
        }
        if (!event.at().isAfter(study.lastEventAt)) {
            return false;
        }
        study.status = event.status();
        study.lastEventAt = event.at();
        return true;
    }

    @Transactional
    public List<StudyRecord> studies() {
        return StudyRecord.listAll(io.quarkus.panache.common.Sort.descending("createdAt"));
    }
}
