package io.vixlab.tuner.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import io.vixlab.contracts.EventJson;
import io.vixlab.tuner.study.StudyPlan;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.mapstruct.Named;

/**
 * The JSON kept in database columns: plans, parameters, intermediate values. Parameters read back
 * as they were written (Integer, Double or String, in the search space's order): Jackson writes a
 * double with its fraction or exponent, so it never reads back as an integer.
 */
public final class JsonColumns {

    private JsonColumns() {
    }

    @Named("planJson")
    public static String planJson(StudyPlan plan) {
        return write(plan);
    }

    @Named("plan")
    public static StudyPlan plan(String json) {
        return read(json, new TypeReference<StudyPlan>() { }, "study plan");
    }

    @Named("paramsJson")
    public static String paramsJson(Map<String, Object> params) {
        return params == null ? null : write(params);
    }

    @Named("params")
    public static Map<String, Object> params(String json) {
        return json == null ? null : read(json, new TypeReference<LinkedHashMap<String, Object>>() { }, "parameters");
    }

    @Named("intermediateValuesJson")
    public static String intermediateValuesJson(SortedMap<Integer, Double> values) {
        return write(values);
    }

    @Named("intermediateValues")
    public static SortedMap<Integer, Double> intermediateValues(String json) {
        return read(json, new TypeReference<TreeMap<Integer, Double>>() { }, "intermediate values");
    }

    private static String write(Object value) {
        try {
            return EventJson.mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static <T> T read(String text, TypeReference<T> type, String what) {
        try {
            return EventJson.mapper().readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable " + what, e);
        }
    }
}
