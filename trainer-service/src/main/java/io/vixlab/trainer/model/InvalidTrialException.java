package io.vixlab.trainer.model;

import java.util.List;

/** A trial the trainer cannot build: unknown architecture or parameters outside the search space. */
public final class InvalidTrialException extends IllegalArgumentException {

    private final List<String> reasons;

    public InvalidTrialException(List<String> reasons) {
        super(String.join("; ", reasons));
        this.reasons = List.copyOf(reasons);
    }

    public List<String> reasons() {
        return reasons;
    }
}
