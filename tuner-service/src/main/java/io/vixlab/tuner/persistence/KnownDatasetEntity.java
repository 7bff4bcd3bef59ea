package io.vixlab.tuner.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;

/** A dataset version seen on {@code features.datasets}: what a study asking for {@code latest} gets. */
@Entity
@Table(name = "known_dataset")
public class KnownDatasetEntity extends PanacheEntityBase {

    @Id
    @Column(length = 200)
    public String id;

    /** When feature-service built it (the manifest's time). */
    @Column(nullable = false)
    public Instant createdAt;

    @Column(nullable = false)
    public Instant seenAt;

    /** The newest dataset by build time, the later-seen one on a tie. */
    public static Optional<KnownDatasetEntity> newest() {
        return find("order by createdAt desc, seenAt desc").firstResultOptional();
    }
}
