package io.vixlab.tuner.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vixlab.contracts.tuning.StudyEvent;
import io.vixlab.contracts.tuning.TrainingSettings;
import io.vixlab.testing.KafkaTestResource;
import io.vixlab.tuner.service.StudyPlan;
import io.vixlab.tuner.service.StudyService;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Studies survive a round trip through the database with their plan intact (H2 here). */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
class StudyPersistenceTest {

    @Inject
    StudyService studies;

    @Test
    void storedStudyReadsBackWithItsFullPlan() {
        StudyPlan plan = new StudyPlan("persisted", List.of("Deep_CNN_LSTM"), 7, 15, "random", 7L, "none", 3,
                new TrainingSettings(5, 16, 2, 3, 0.5, 2, 1e-5, 0.0, 9), TrainingSettings.finalDefaults(), "ds-abc");
        var created = studies.create(plan);

        var found = studies.find(created.id()).orElseThrow();
        assertThat(found.plan()).isEqualTo(plan);
        assertThat(found.status()).isEqualTo(StudyEvent.Status.CREATED);
        assertThat(found.createdAt()).isEqualTo(created.createdAt());
        assertThat(studies.list()).extracting(StudyService.StudyView::id).contains(created.id());
        assertThat(databaseProduct()).isEqualTo(expectedDatabase());
    }

    @Inject
    io.agroal.api.AgroalDataSource dataSource;

    String databaseProduct() {
        try (var c = dataSource.getConnection()) {
            return c.getMetaData().getDatabaseProductName();
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The database this test class expects to run on. */
    String expectedDatabase() {
        return "H2";
    }
}
