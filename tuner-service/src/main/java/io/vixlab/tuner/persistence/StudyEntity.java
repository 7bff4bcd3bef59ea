package io.vixlab.tuner.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;
import io.vixlab.contracts.tuning.StudyEvent;
import java.time.Instant;

/** A study: its plan (as JSON, so that a restarted tuner resumes exactly it) and where it stands. */
@Entity
@Table(name = "study")
public class StudyEntity extends PanacheEntityBase {

    @Id
    @Column(length = 64)
    public String id;

    @Column(length = 120)
    public String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 32)
    public StudyEvent.Status status;

    @Lob
    @Column(nullable = false)
    public String planJson;

    /** The dataset the study trains on: the plan's, or {@code latest} until the study starts with the newest one. */
    @Column(nullable = false, length = 200)
    public String datasetId;

    @Column(nullable = false)
    public Instant createdAt;

    public Instant finishedAt;

    @Column(length = 2000)
    public String detail;
}
