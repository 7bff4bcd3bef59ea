package io.vixlab.trainer.service;

import io.vixlab.contracts.tuning.TrialControl;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Prune and cancel requests from {@code tuning.control}, by run id and attempt. Every pod hears
 * every request; the pod running that attempt finds it at the end of its next epoch. A request for
 * an older attempt does not stop a newer one.
 */
@ApplicationScoped
public class StopRequests {

    private record RunAttempt(String runId, int attempt) {
    }

    private final Map<RunAttempt, TrialControl> requests = new ConcurrentHashMap<>();

    public void record(TrialControl control) {
        requests.putIfAbsent(new RunAttempt(control.trialId(), control.attempt()), control);
    }

    public Optional<TrialControl> requested(String runId, int attempt) {
        return Optional.ofNullable(requests.get(new RunAttempt(runId, attempt)));
    }

    /** Drops the request of an answered run. */
    public void forget(String runId, int attempt) {
        requests.remove(new RunAttempt(runId, attempt));
    }
}
