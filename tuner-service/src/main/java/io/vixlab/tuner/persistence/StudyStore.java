package io.vixlab.tuner.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.vixlab.contracts.tuning.StudyEvent.Status;
import io.vixlab.tuner.study.ArchitectureTuning;
import io.vixlab.tuner.study.Study;
import io.vixlab.tuner.study.StudySnapshot;
import io.vixlab.tuner.study.StudyTrial;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/** Loads a study whole for one decision and saves it back; call both in one transaction. */
@ApplicationScoped
public class StudyStore {

    private final StudyRows rows;

    public StudyStore(StudyRows rows) {
        this.rows = rows;
    }

    /** The study, its architectures, its trials and (while it waits to start) the newest dataset. */
    public Optional<StudySnapshot> load(String studyId) {
        StudyEntity row = StudyEntity.findById(studyId);
        if (row == null) {
            return Optional.empty();
        }
        Study study = rows.toStudy(row);
        List<ArchitectureTuning> architectures = ArchitectureTuningEntity.ofStudy(studyId).stream()
                .map(rows::toArchitecture).toList();
        List<StudyTrial> trials = TrialEntity.ofStudy(studyId).stream().map(rows::toTrial).toList();
        Optional<String> newestDataset = study.status == Status.CREATED
                ? KnownDatasetEntity.newest().map(d -> d.id) : Optional.empty();
        return Optional.of(new StudySnapshot(study, architectures, trials, newestDataset));
    }

    /** Writes every part back: the loaded rows are updated where they changed, new ones inserted. */
    public void save(StudySnapshot snapshot) {
        Study study = snapshot.study();
        rows.write(study, StudyEntity.<StudyEntity>findById(study.id));
        for (ArchitectureTuning architecture : snapshot.architectures()) {
            upsert(ArchitectureTuningEntity.findById(architecture.id), ArchitectureTuningEntity::new,
                    row -> rows.write(architecture, row));
        }
        for (StudyTrial trial : snapshot.trials()) {
            upsert(TrialEntity.findById(trial.id), TrialEntity::new, row -> rows.write(trial, row));
        }
    }

    /** The loaded rows come from the session's cache: only new ones cost a query. */
    private static <R extends PanacheEntityBase> void upsert(R loaded, Supplier<R> created, Consumer<R> write) {
        R row = loaded == null ? created.get() : loaded;
        write.accept(row);
        if (loaded == null) {
            row.persist();
        }
    }
}
