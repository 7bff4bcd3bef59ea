package io.vixlab.tuner.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vixlab.contracts.search.ParamSpec;
import io.vixlab.contracts.search.SearchSpace;
import io.vixlab.tuner.persistence.StudyEntity;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/** The JSON kept in database columns: plans, parameters, intermediate values. */
@ApplicationScoped
public class JsonColumns {

    private final ObjectMapper json;

    public JsonColumns(ObjectMapper json) {
        this.json = json;
    }

    public String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    public StudyPlan plan(StudyEntity study) {
        return read(study.planJson, new TypeReference<StudyPlan>() { }, "plan of study " + study.id);
    }

    /** Parameters as stored, in no particular type: for showing them. */
    public Map<String, Object> params(String paramsJson) {
        return read(paramsJson, new TypeReference<LinkedHashMap<String, Object>>() { }, "parameters");
    }

    /**
     * Parameters typed as samplers hand them out (Integer, Double, String) in the space's order, so
     * that an optimizer rebuilt from the database proposes what the one before the restart would.
     */
    public Map<String, Object> params(String paramsJson, SearchSpace space) {
        Map<String, Object> stored = params(paramsJson);
        Map<String, Object> typed = new LinkedHashMap<>();
        for (ParamSpec spec : space.params()) {
            Object value = stored.get(spec.name());
            if (value instanceof Number n && spec instanceof ParamSpec.IntParam) {
                typed.put(spec.name(), n.intValue());
            } else if (value instanceof Number n && spec instanceof ParamSpec.FloatParam) {
                typed.put(spec.name(), n.doubleValue());
            } else if (value != null) {
                typed.put(spec.name(), value.toString());
            }
        }
        return typed;
    }

    public SortedMap<Integer, Double> intermediateValues(String json) {
        return read(json, new TypeReference<TreeMap<Integer, Double>>() { }, "intermediate values");
    }

    private <T> T read(String text, TypeReference<T> type, String what) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable " + what, e);
        }
    }
}
