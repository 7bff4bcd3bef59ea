package io.vixlab.contracts.search;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** The hyperparameters of one architecture, in the order the seed suggests them. */
public record SearchSpace(String architecture, List<ParamSpec> params) {

    public SearchSpace {
        params = List.copyOf(params);
    }

    public Map<String, ParamSpec> byName() {
        Map<String, ParamSpec> map = new LinkedHashMap<>();
        params.forEach(p -> map.put(p.name(), p));
        return map;
    }

    /**
     * Every reason {@code values} is not a point of this space: a missing or unknown parameter, or
     * a value outside its domain. Empty when the values are valid.
     */
    public List<String> violations(Map<String, ?> values) {
        List<String> problems = new ArrayList<>();
        Map<String, ParamSpec> specs = byName();
        for (ParamSpec spec : params) {
            if (!values.containsKey(spec.name())) {
                problems.add(spec.name() + " is missing");
            } else {
                spec.check(values.get(spec.name())).ifPresent(problems::add);
            }
        }
        Set<String> unknown = new TreeSet<>(values.keySet());
        unknown.removeAll(specs.keySet());
        unknown.forEach(name -> problems.add(name + " is not a parameter of " + architecture));
        return problems;
    }
}
