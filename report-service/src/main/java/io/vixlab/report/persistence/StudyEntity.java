package io.vixlab.report.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.vixlab.contracts.EventJson;
import io.vixlab.contracts.tuning.StudyEvent;
import io.vixlab.contracts.tuning.StudySetup;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

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

    /**
     * The study's budget, sampler, seed and settings as JSON ({@link StudySetup}), from the first
     * lifecycle event that carried them; null while none has.
     */
    @JdbcTypeCode(SqlTypes.LONG32VARCHAR)
    @Column(name = "setup_json")
    public String setupJson;

    /** Time of the newest lifecycle event applied: older or repeated events change nothing. */
    @Column(nullable = false)
    public Instant lastEventAt;

    public List<String> architectureList() {
        return List.of(architectures.split(","));
    }

    /** Keeps the setup of a lifecycle event, unless one is kept already (a study's setup never changes). */
    public void keepSetup(StudySetup setup) {
        if (setupJson == null && setup != null) {
            setupJson = EventJson.write(setup);
        }
    }

    /** The study's setup; null while no lifecycle event has carried it. */
    public StudySetup setup() {
        return setupJson == null ? null : EventJson.read(setupJson, StudySetup.class);
    }
}
