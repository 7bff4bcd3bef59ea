package io.vixlab.contracts.tuning;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import io.vixlab.contracts.Event;
import io.vixlab.contracts.EventId;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;

/**
 * A change in a study's lifecycle on {@code tuning.studies}, key = study id.
 *
 * @param architecture the architecture concerned, for {@code ARCHITECTURE_TUNED}
 * @param detail       a human-readable reason (why a study failed or was cancelled)
 * @param setup        the study's budget, sampler, seed, pruner and training settings; absent on
 *                     events of tuners that predate it
 * @param trials       on {@code ARCHITECTURE_TUNED}: the architecture's trials as the tuner settled
 *                     them, by number (the trainers' results may say otherwise, see {@link SettledTrial});
 *                     absent on other events and from tuners that predate it
 */
@JsonClassDescription("A study lifecycle change on tuning.studies, key = study id.")
public record StudyEvent(
        int schemaVersion,
        @NotNull @EventId String studyId,
        @NotNull Status status,
        @NotNull @Size(min = 1) List<@Size(min = 1) String> architectures,
        @Min(1) int trialsPerArchitecture,
        @EventId String datasetId,
        @Size(min = 1) String architecture,
        @Size(min = 1) String detail,
        @NotNull Instant at,
        StudySetup setup,
        List<SettledTrial> trials) implements Event {

    public static final int SCHEMA_VERSION = 1;

    public enum Status { CREATED, RUNNING, ARCHITECTURE_TUNED, COMPLETED, CANCELLED, FAILED }
}
