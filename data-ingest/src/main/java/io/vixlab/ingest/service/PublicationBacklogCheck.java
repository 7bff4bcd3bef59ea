package io.vixlab.ingest.service;

import io.vixlab.ingest.persistence.IngestRunEntity;
import io.vixlab.ingest.persistence.IngestRunEntity.Publication;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Optional;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness is DOWN while a stored run's events could not be published, naming the oldest such run and why:
 * every later run is refused (503) until they are on the broker, so an operator must see it, not only the
 * client of the next run. A run still publishing ({@link Publication#PENDING}) does not count.
 */
@Readiness
@ApplicationScoped
public class PublicationBacklogCheck implements HealthCheck {

    @Override
    @Transactional
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("ingest-publication");
        Optional<IngestRunEntity> oldest = IngestRunEntity.<IngestRunEntity>find(
                "publication = ?1 order by startedAt", Publication.FAILED).firstResultOptional();
        if (oldest.isEmpty()) {
            return response.up().build();
        }
        return response.down()
                .withData("run", oldest.get().id)
                .withData("reason", String.valueOf(oldest.get().publishError))
                .withData("runsNotPublished", IngestRunEntity.count("publication", Publication.FAILED))
                .build();
    }
}
