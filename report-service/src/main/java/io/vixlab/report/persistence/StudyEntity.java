package io.vixlab.report.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.vixlab.contracts.tuning.StudyEvent;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;

/** What the report service knows of a study from {@code tuning.studies}. */
@Entity
@Table(name = "study_record")
public class StudyEntity extends PanacheEntityBase {

    @Id
    @Column(length = 64)
    public String studyId;

    @Column(length = 120)
    public String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 32)
    public StudyEvent.Status status;

    /** Architecture names, comma-separated, in the study's order. */
    @Column(nullable = false, length = 1000)
    public String architectures;

    public int trialsPerArchitecture;

    @Column(length = 200)
    public String datasetId;

    @Column(nullable = false)
    public Instant createdAt;

    /** Time of the newest lifecycle event applied: older or repeated events change nothing. */
    @Column(nullable = false)
    public Instant lastEventAt;

    public List<String> architectureList() {
        return List.of(architectures.split(","));
    }
}
