package io.vixlab.report.persistence;

import io.vixlab.contracts.report.StudyReport;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** The report of a completed study as published on {@code reports.studies}, and when it was. */
@Entity
@Table(name = "study_report_record")
public class StudyReportEntity extends EventEntity {

    @Id
    @Column(name = "study_id", length = 200)
    public String studyId;

    /** When the broker acknowledged the report (the latest one, if it was published again). */
    @Column(name = "published_at", nullable = false)
    public Instant publishedAt;

    public static StudyReportEntity published(StudyReport report, Instant publishedAt) {
        StudyReportEntity record = new StudyReportEntity();
        record.studyId = report.studyId();
        record.publishedAt = publishedAt;
        record.store(report);
        return record;
    }

    /** Records a report published again for the same study. */
    public void republished(StudyReport report, Instant publishedAt) {
        store(report);
        this.publishedAt = publishedAt;
    }
}
