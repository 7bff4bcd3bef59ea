package io.vixlab.tuner.sampler;

import io.vixlab.contracts.search.ParamSpec;
import io.vixlab.contracts.search.ParamSpec.CategoricalParam;
import io.vixlab.contracts.search.ParamSpec.FloatParam;
import io.vixlab.contracts.search.ParamSpec.IntParam;
import io.vixlab.contracts.search.SearchSpace;
import io.vixlab.tuner.study.FrozenTrial;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Draws every parameter independently and uniformly, as Optuna's {@code RandomSampler}: ints
 * uniformly over their grid, floats uniformly on their scale (log or linear), categoricals
 * uniformly over their choices.
 */
public final class RandomSampler implements Sampler {

    private final long seed;

    public RandomSampler(long seed) {
        this.seed = seed;
    }

    @Override
    public Map<String, Object> sample(SearchSpace space, List<FrozenTrial> trials, int trialNumber) {
        SplittableRandom rng = TrialRandom.forTrial(seed, trialNumber);
        Map<String, Object> params = new LinkedHashMap<>();
        for (ParamSpec spec : space.params()) {
            params.put(spec.name(), ParamValues.onlyValue(spec)
                    .orElseGet(() -> ParamValues.toExternal(spec, drawInternal(spec, rng))));
        }
        return params;
    }

    private static double drawInternal(ParamSpec spec, SplittableRandom rng) {
        if (spec instanceof IntParam i) {
            return i.low() + (double) i.step() * rng.nextLong(ParamValues.gridSteps(i) + 1);
        }
        if (spec instanceof FloatParam f) {
            return f.log()
                    ? Math.exp(rng.nextDouble(Math.log(f.low()), Math.log(f.high())))
                    : rng.nextDouble(f.low(), f.high());
        }
        return rng.nextInt(((CategoricalParam) spec).choices().size());
    }
}
