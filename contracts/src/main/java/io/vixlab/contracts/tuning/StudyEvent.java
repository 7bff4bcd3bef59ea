package io.vixlab.contracts.tuning;

import io.vixlab.contracts.Event;
import java.time.Instant;
import java.util.List;

/**
 * A change in a study's lifecycle on {@code tuning.studies}, key = study id.
 *
 * @param architecture the architecture concerned, for {@code ARCHITECTURE_TUNED}
 * @param detail       a human-readable reason (why a study failed or was cancelled)
 */
public record StudyEvent(
        int schemaVersion,
        String studyId,
        Status status,
        List<String> architectures,
        int trialsPerArchitecture,
        String datasetId,
        String architecture,
        String detail,
        Instant at) implements Event {

    public static final int SCHEMA_VERSION = 1;

    public enum Status { CREATED, RUNNING, ARCHITECTURE_TUNED, COMPLETED, CANCELLED, FAILED }
}
