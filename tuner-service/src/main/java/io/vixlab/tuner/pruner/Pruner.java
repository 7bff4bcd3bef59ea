package io.vixlab.tuner.pruner;

import io.vixlab.tuner.study.FrozenTrial;
import java.util.List;

/**
 * Decides whether a running trial should stop early, from its intermediate values and those of the
 * study's other trials. Like Optuna's pruners it is meant to be asked after every report.
 */
public interface Pruner {

    /**
     * @param trials every trial of the study, in any state; may include {@code trial} itself
     * @param trial  the running trial to judge, with the intermediate values it reported so far
     * @return true when the trial should be pruned
     */
    boolean prune(List<FrozenTrial> trials, FrozenTrial trial);
}
