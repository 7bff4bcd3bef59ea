package io.vixlab.tuner.sampler;

import io.vixlab.contracts.search.SearchSpace;
import io.vixlab.tuner.study.FrozenTrial;
import java.util.List;
import java.util.Map;

/**
 * Proposes the parameters of a new trial from the study's history. Implementations keep no record
 * of past calls: everything they learn comes from {@code trials}, and their randomness is derived
 * from their seed and {@code trialNumber}, so a service that reloads its trials from a database
 * after a restart gets the same proposals it would have got without the restart. Having no
 * mutable state, a sampler can be shared between threads.
 */
public interface Sampler {

    /**
     * @param space       the parameters to propose, with their domains
     * @param trials      every trial of the study so far, in any state; the new one is not among them
     * @param trialNumber the number the new trial will get
     * @return parameter name to value in {@code space}'s order: {@link Integer} for int parameters,
     *         {@link Double} for float parameters, {@link String} for categorical ones
     */
    Map<String, Object> sample(SearchSpace space, List<FrozenTrial> trials, int trialNumber);
}
