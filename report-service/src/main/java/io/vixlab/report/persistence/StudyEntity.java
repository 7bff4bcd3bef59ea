package io.vixlab.report.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.vixlab.contracts.EventJson;
import io.vixlab.contracts.tuning.SettledTrial;
import io.vixlab.contracts.tuning.StudyEvent;
import io.vixlab.contracts.tuning.StudySetup;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
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

    /**
     * The trials the tuner has settled so far ({@link SettledTrial}s as a JSON array), from its
     * {@code ARCHITECTURE_TUNED} events; null while none has carried any.
     */
    @JdbcTypeCode(SqlTypes.LONG32VARCHAR)
    @Column(name = "settled_trials_json")
    public String settledTrialsJson;

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

    /** Adds the trials an event settled to those kept, by trial id: a redelivered event changes nothing. */
    public void keepSettled(List<SettledTrial> trials) {
        if (trials == null || trials.isEmpty()) {
            return;
        }
        Map<String, SettledTrial> kept = new TreeMap<>(settledTrials());
        trials.forEach(t -> kept.put(t.trialId(), t));
        settledTrialsJson = EventJson.write(List.copyOf(kept.values()));
    }

    /** The trials the tuner has settled, by trial id. */
    public Map<String, SettledTrial> settledTrials() {
        if (settledTrialsJson == null) {
            return Map.of();
        }
        return Arrays.stream(EventJson.read(settledTrialsJson, SettledTrial[].class))
                .collect(Collectors.toMap(SettledTrial::trialId, Function.identity()));
    }

    /** The study's setup; null while no lifecycle event has carried it. */
    public StudySetup setup() {
        return setupJson == null ? null : EventJson.read(setupJson, StudySetup.class);
    }
}
