package io.vixlab.tuner.pruner;

import io.vixlab.tuner.study.FrozenTrial;
import java.util.List;

/** Never prunes: Optuna's {@code NopPruner}. */
public final class NopPruner implements Pruner {

    @Override
    public boolean prune(List<FrozenTrial> trials, FrozenTrial trial) {
        return false;
    }
}
