package io.vixlab.tuner.study;

import io.vixlab.contracts.tuning.StudyEvent.Status;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

/** A study as the loop sees it: its resolved plan and where it stands. */
public class Study {

    private static final Set<Status> FINISHED = EnumSet.of(Status.COMPLETED, Status.CANCELLED, Status.FAILED);

    public String id;
    public String name;
    public Status status;
    public StudyPlan plan;
    /** The dataset it trains on: the plan's, or {@code latest} until it starts with the newest one. */
    public String datasetId;
    public Instant createdAt;
    public Instant finishedAt;
    public String detail;

    /** The statuses in which a study never changes again. */
    public static Set<Status> finishedStatuses() {
        return EnumSet.copyOf(FINISHED);
    }

    public boolean isFinished() {
        return FINISHED.contains(status);
    }

    void end(Status end, String why, Instant now) {
        status = end;
        detail = why;
        finishedAt = now;
    }
}
