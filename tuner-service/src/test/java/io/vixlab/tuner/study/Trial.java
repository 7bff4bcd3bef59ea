package io.vixlab.tuner.study;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A trial as {@link StudyOptimizer#ask} hands it out: its number, by which it is reported on and
 * told about, and the parameters proposed for it, in the search space's order.
 */
public record Trial(int number, Map<String, Object> params) {

    public Trial {
        params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
    }
}
